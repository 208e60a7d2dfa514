// Chapter 1 · Predict getrefcount (solution)
//
// Count the owners, then add one for getrefcount's own argument, except for
// a fresh literal, whose only reference is that argument.
// Measured on CPython 3.11.7.

long[] predictions() {
    return new long[] {
        2, // 1) the name a, plus the argument
        3, // 2) a and b, plus the argument
        4, // 3) a and two list slots, plus the argument
        2, // 4) del b removed one owner
        1, // 5) no name: the argument is the only reference
        3, // 6) a and d["j"]; d["k"] let go of it; plus the argument
    };
}
