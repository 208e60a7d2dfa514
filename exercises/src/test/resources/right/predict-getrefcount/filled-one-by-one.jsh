// RIGHT: the same numbers, stored one by one into an array
long[] predictions() {
    long[] p = new long[6];
    p[0] = 2;
    p[1] = 3;
    p[2] = 4;
    p[3] = 2;
    p[4] = 1;
    p[5] = 3;
    return p;
}
