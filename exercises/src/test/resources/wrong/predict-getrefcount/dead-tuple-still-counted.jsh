// WRONG: still counts the slots of a tuple freed by del t
long[] predictions() {
    return new long[] {2, 5, 4, 4, 3, 5, 3, 2, 5};
}
