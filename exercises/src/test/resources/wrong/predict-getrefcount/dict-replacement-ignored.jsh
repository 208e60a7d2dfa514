// WRONG: still counts the dict value replaced by d["k"] = None
long[] predictions() {
    return new long[] {2, 3, 4, 2, 1, 4};
}
