// WRONG: counts a list that holds the same object in two slots as one owner
long[] predictions() {
    return new long[] {2, 3, 3, 2, 1, 3};
}
