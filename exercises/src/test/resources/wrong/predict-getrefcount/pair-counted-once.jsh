// WRONG: counts a container that holds the same object in several slots as one owner
long[] predictions() {
    return new long[] {2, 3, 3, 2, 3, 4, 3, 2, 4};
}
