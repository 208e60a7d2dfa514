// WRONG: counts the owners but forgets the reference getrefcount's own argument adds
long[] predictions() {
    return new long[] {1, 4, 3, 1, 2, 4, 2, 1, 4};
}
