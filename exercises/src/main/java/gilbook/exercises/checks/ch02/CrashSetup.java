package gilbook.exercises.checks.ch02;

import gilbook.runtime.explorer.InterleavingExplorer;
import gilbook.runtime.explorer.Outcome;
import gilbook.runtime.explorer.RefOp;
import gilbook.runtime.explorer.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One seeded setup for "Find the crash": two threads (names drawn too, so no fixed list of names
 * fits), each with one or two INCREF or DECREF operations, and a starting count. Only setups in
 * which some schedule frees the object while a reference is held are drawn. Immutable.
 */
record CrashSetup(InterleavingExplorer explorer) {
  private static final List<List<String>> NAMES =
      List.of(
          List.of("T1", "T2"),
          List.of("A", "B"),
          List.of("main", "worker"),
          List.of("reader", "writer"),
          List.of("T2", "T1"),
          List.of("left", "right"),
          List.of("Thread-1", "Thread-2"));

  /**
   * Draws a setup. With {@code endsAtZero}, the operations drop every reference, so a schedule that
   * brings the count to 0 at its very end frees the object correctly, and a free alone proves
   * nothing.
   *
   * <p>Every setup is one the GIL runs safely: in every order of whole operations, the count stays
   * above 0 until the last one (a thread only drops references it holds). So each premature free
   * comes from the race, not from the operations themselves.
   */
  static CrashSetup draw(SplittableRandom random, boolean endsAtZero) {
    while (true) {
      List<String> names = NAMES.get(random.nextInt(NAMES.size()));
      int initial;
      RefOp[] first;
      RefOp[] second;
      if (endsAtZero) {
        initial = 2 + random.nextInt(2);
        first = random.nextBoolean() ? ops("+--") : ops("-+-");
        second = initial == 2 ? ops("-") : ops("--");
      } else {
        initial = 1 + random.nextInt(3);
        first = ops(random);
        second = ops(random);
      }
      if (random.nextBoolean()) {
        RefOp[] kept = first;
        first = second;
        second = kept;
      }
      int end = initial + delta(first) + delta(second);
      if (end < 0 || (endsAtZero != (end == 0))) {
        continue;
      }
      InterleavingExplorer.Builder builder =
          InterleavingExplorer.builder()
              .initialRefcount(initial)
              .thread(names.get(0), first)
              .thread(names.get(1), second);
      if (!safeWithTheGil(builder.withLock(true).build())) {
        continue;
      }
      InterleavingExplorer explorer = builder.withLock(false).build();
      if (explorer.explore().schedules(Outcome.PREMATURE_FREE).stream()
          .anyMatch(Schedule::freedWhileReferenced)) {
        return new CrashSetup(explorer);
      }
    }
  }

  /** Whether no order of whole operations frees the object before its last step. */
  private static boolean safeWithTheGil(InterleavingExplorer locked) {
    // With the lock, the last operation's STORE is the step before its RELEASE.
    int lastStore = locked.stepsPerSchedule() - 1;
    return locked.explore().schedules().stream()
        .allMatch(s -> s.freedAtStep().orElse(lastStore) == lastStore);
  }

  private static RefOp[] ops(String signs) {
    RefOp[] ops = new RefOp[signs.length()];
    for (int i = 0; i < ops.length; i++) {
      ops[i] = signs.charAt(i) == '+' ? RefOp.INCREF : RefOp.DECREF;
    }
    return ops;
  }

  private static RefOp[] ops(SplittableRandom random) {
    List<RefOp> ops = new ArrayList<>();
    int n = 1 + random.nextInt(2);
    for (int i = 0; i < n; i++) {
      ops.add(random.nextBoolean() ? RefOp.INCREF : RefOp.DECREF);
    }
    return ops.toArray(new RefOp[0]);
  }

  private static int delta(RefOp[] ops) {
    int d = 0;
    for (RefOp op : ops) {
      d += op.delta();
    }
    return d;
  }
}
