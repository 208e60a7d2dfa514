// WRONG: prints PASS and ends the JVM before any check can judge it
long[] predictions() {
    System.out.println("PASS");
    System.exit(0);
    return new long[0];
}
