// WRONG: hard-codes the first numbers of the lesson's table of measurements, in order
long[] predictions() {
    return new long[] {3, 2, 1, 4, 4, 4, 3, 2, 5471};
}
