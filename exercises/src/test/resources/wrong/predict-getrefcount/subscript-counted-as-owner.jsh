// WRONG: counts the reference a subscript pushes as an owner besides getrefcount's argument
long[] predictions() {
    return new long[] {2, 5, 5, 2, 3, 5, 3, 2, 6};
}
