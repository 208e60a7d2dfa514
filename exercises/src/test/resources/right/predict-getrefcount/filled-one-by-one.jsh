// RIGHT: the same numbers, stored one by one into an array
long[] predictions() {
    long[] p = new long[9];
    p[0] = 2;
    p[1] = 5;
    p[2] = 4;
    p[3] = 2;
    p[4] = 3;
    p[5] = 5;
    p[6] = 3;
    p[7] = 2;
    p[8] = 5;
    return p;
}
