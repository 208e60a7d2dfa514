// WRONG: still counts the attribute replaced by o.x = None
long[] predictions() {
    return new long[] {2, 5, 4, 2, 4, 5, 3, 2, 5};
}
