// WRONG: still counts the name removed by del b
long[] predictions() {
    return new long[] {2, 3, 4, 3, 1, 3};
}
