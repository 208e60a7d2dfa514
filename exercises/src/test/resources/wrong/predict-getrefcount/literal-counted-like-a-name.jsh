// WRONG: gives the fresh literal an owner besides the call's argument
long[] predictions() {
    return new long[] {2, 3, 4, 2, 2, 3};
}
