// RIGHT: each prediction written as its owners plus the argument reference
long[] predictions() {
    long argument = 1;
    return new long[] {
        1 + argument,     // the name a
        2 + argument,     // a and b
        3 + argument,     // a and the two slots of pair
        1 + argument,     // b is gone
        0 + argument,     // no name at all
        2 + argument,     // a and d["j"]
    };
}
