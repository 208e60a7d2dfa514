// WRONG: counts the owners but forgets the reference getrefcount's own argument adds
long[] predictions() {
    return new long[] {1, 2, 3, 1, 0, 2};
}
