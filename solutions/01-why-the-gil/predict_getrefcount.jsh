// Chapter 1 · Predict getrefcount (solution)
//
// Count the owners, then add one for getrefcount's own argument, unless
// the argument is itself the only new reference (a literal, a subscript,
// or a parameter inside the call). Measured on CPython 3.11.7.

long[] predictions() {
    return new long[] {
        2, // 1) the name a, plus the argument
        5, // 2) a and the tuple's three slots, plus the argument
        4, // 3) a and two list slots; L[1] pushes the argument itself
        2, // 4) the freed tuple gave back both of its references
        3, // 5) a and o.y; o.x let go of it; plus the argument
        5, // 6) a, the dict's value and two list slots, plus the argument
        3, // 7) a, the parameter p (the caller's push, handed over), the argument
        2, // 8) the parameter p is the literal's only owner, plus the argument
        5, // 9) a, the tuple's two slots, p, plus the argument
    };
}
