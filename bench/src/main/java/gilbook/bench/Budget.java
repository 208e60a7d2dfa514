package gilbook.bench;

/**
 * How much work each benchmark does in one run. Immutable.
 *
 * <p>The full budget keeps a whole run under about three minutes on a 2-core machine; the quick one
 * only proves that everything still runs.
 *
 * @param gilPairs timed take + drop pairs per round
 * @param tracedCalls timed drop + re-take calls through the interpreter per round
 * @param loopIterations iterations of the one-thread eval loop per round (two instructions each)
 * @param rounds rounds of each micro-benchmark; the figure is the median round
 * @param fidelitySeconds real time each side of a CPython comparison runs, per round
 * @param fidelityRounds rounds of each CPython comparison; the figure is the median round
 * @param sha256Mib the buffer hashed to measure hashlib.sha256, in MiB
 * @param sha256Repeats how many times that buffer is hashed
 * @param lostUpdateIterations iterations per thread of each lost-update loop
 * @param lostUpdateRuns CPython runs of each lost-update loop
 * @param lostUpdateSeeds VM runs (seeds 1 to this) of each lost-update loop
 */
record Budget(
    int gilPairs,
    int tracedCalls,
    long loopIterations,
    int rounds,
    double fidelitySeconds,
    int fidelityRounds,
    int sha256Mib,
    int sha256Repeats,
    int lostUpdateIterations,
    int lostUpdateRuns,
    int lostUpdateSeeds) {

  static final Budget FULL =
      new Budget(5_000_000, 200_000, 20_000_000, 7, 2.0, 5, 64, 7, 20_000, 5, 3);

  static final Budget QUICK = new Budget(300_000, 20_000, 2_000_000, 3, 0.4, 1, 8, 3, 1_000, 1, 1);
}
