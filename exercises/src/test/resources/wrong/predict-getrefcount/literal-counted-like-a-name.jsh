// WRONG: gives the literal passed to f an owner besides the parameter and the argument
long[] predictions() {
    return new long[] {2, 5, 4, 2, 3, 5, 3, 3, 5};
}
