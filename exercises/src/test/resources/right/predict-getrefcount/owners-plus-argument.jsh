// RIGHT: each prediction written as its owners plus the argument reference
long[] predictions() {
    long argument = 1;
    return new long[] {
        1 + argument,     // the name a
        4 + argument,     // a and the tuple's three slots
        3 + argument,     // a and two list slots; L[1] is the argument itself
        1 + argument,     // the tuple died and gave both references back
        2 + argument,     // a and o.y
        4 + argument,     // a, d["k"] and the two slots of L
        2 + argument,     // a and the parameter p
        1 + argument,     // only the parameter p
        4 + argument,     // a, the tuple's two slots and p
    };
}
