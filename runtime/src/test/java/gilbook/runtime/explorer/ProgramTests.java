package gilbook.runtime.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramTests {

  /** Two containers storing each other, with a count change on the other's item each. */
  static Workload crossed() {
    return Workload.builder()
        .object("A", 2)
        .object("B", 2)
        .storeRef("T1", "A", "B")
        .decref("T1", "A")
        .storeRef("T2", "B", "A")
        .incref("T2", "B")
        .build();
  }

  static List<Action> around(List<String> locks, Operation op) {
    List<Action> steps = new ArrayList<>();
    locks.forEach(lock -> steps.add(Action.acquire(lock)));
    steps.addAll(op.steps());
    for (int i = locks.size() - 1; i >= 0; i--) {
      steps.add(Action.release(locks.get(i)));
    }
    return steps;
  }

  @Test
  void withoutLocksUpdatesAreLost() {
    Program program = crossed().unprotected();
    ProgramResult result = program.explore();
    assertEquals(48_620, result.total());
    assertTrue(result.count(ProgramOutcome.PREMATURE_FREE) > 0, result.summary());
    assertTrue(result.count(ProgramOutcome.LEAK) > 0, result.summary());
    assertEquals(0, result.count(ProgramOutcome.DEADLOCK));
    assertEquals(18, program.stepsPerSchedule());
    assertTrue(result.describe(ProgramOutcome.LEAK).orElseThrow().contains("verdict: leak"));
  }

  @Test
  void oneGlobalLockMakesEveryScheduleCorrect() {
    Program program = crossed().protect(op -> around(List.of("gil"), op));
    ProgramResult result = program.explore();
    assertEquals(0, result.bad(), result.summary());
    assertEquals(List.of("gil"), program.locks());
    assertEquals(18 + 8, program.stepsPerSchedule());
  }

  @Test
  void perObjectLocksInAFixedOrderAreCorrect() {
    Program program =
        crossed()
            .protect(
                op ->
                    around(
                        op.lockedObjects().stream().sorted(Comparator.naturalOrder()).toList(),
                        op));
    ProgramResult result = program.explore();
    assertEquals(0, result.bad(), result.summary());
    assertEquals(18 + 12, program.stepsPerSchedule());
  }

  @Test
  void perObjectLocksInTheOperationsOwnOrderDeadlock() {
    ProgramResult result = crossed().protect(op -> around(op.lockedObjects(), op)).explore();
    assertTrue(result.count(ProgramOutcome.DEADLOCK) > 0, result.summary());
    assertEquals(result.bad(), result.count(ProgramOutcome.DEADLOCK));
    String text = result.describe(ProgramOutcome.DEADLOCK).orElseThrow();
    assertTrue(
        text.contains(
            "T1 holds lock A and waits for lock B, which T2 holds; T2 holds lock B and waits for"
                + " lock A, which T1 holds"),
        text);
    assertEquals(List.of("T1", "T2"), result.firstSchedule(ProgramOutcome.DEADLOCK).orElseThrow());
  }

  @Test
  void aDesignMayOnlyAddLockSteps() {
    IllegalArgumentException dropped =
        assertThrows(
            IllegalArgumentException.class,
            () -> crossed().protect(op -> op.steps().subList(1, op.steps().size())));
    assertTrue(dropped.getMessage().startsWith("T1's STORE_REF(A, B): a design may only add"));
    IllegalArgumentException held =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                crossed()
                    .protect(
                        op -> {
                          List<Action> steps = new ArrayList<>(op.steps());
                          steps.add(0, Action.acquire("L"));
                          return steps;
                        }));
    assertTrue(held.getMessage().contains("ends still holding [L]"), held.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            crossed()
                .protect(
                    op -> {
                      List<Action> steps = new ArrayList<>(op.steps());
                      steps.add(Action.release("L"));
                      return steps;
                    }));
    assertThrows(IllegalArgumentException.class, () -> crossed().protect(op -> null));
  }

  @Test
  void theLimitStopsAnExplorationThatIsTooBig() {
    assertThrows(IllegalArgumentException.class, () -> crossed().unprotected().explore(10));
  }

  @Test
  void theWorkloadDescribesItself() {
    assertEquals(
        "start: A.ob_refcnt = 2, B.ob_refcnt = 2; T1 runs STORE_REF(A, B), DECREF(A);"
            + " T2 runs STORE_REF(B, A), INCREF(B)",
        crossed().describe());
  }

  /**
   * The explorer remembers states it has explored; this runs every schedule one by one instead, and
   * the two must agree on every count and on the first schedule of each outcome.
   */
  @Test
  void rememberingStatesCountsExactlyWhatRunningEveryScheduleCounts() {
    List<Program> programs =
        List.of(
            crossed().unprotected(),
            crossed().protect(op -> around(List.of("gil"), op)),
            crossed().protect(op -> around(op.lockedObjects(), op)),
            crossed().protect(op -> around(List.of(op.thread()), op)));
    for (Program program : programs) {
      long[] counts = new long[ProgramOutcome.values().length];
      List<List<Integer>> first = new ArrayList<>();
      for (int o = 0; o < counts.length; o++) {
        first.add(null);
      }
      everySchedule(program, new ProgramState(program), new ArrayList<>(), counts, first);
      ProgramResult result = program.explore();
      long total = 0;
      for (ProgramOutcome o : ProgramOutcome.values()) {
        assertEquals(counts[o.ordinal()], result.count(o), o + " in " + result.summary());
        total += counts[o.ordinal()];
        List<Integer> path = first.get(o.ordinal());
        assertEquals(
            path == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(
                    path.stream().map(t -> program.threadNames().get(t)).toList()),
            result.firstSchedule(o),
            "first " + o);
      }
      assertEquals(total, result.total());
    }
  }

  @Test
  void locksThatConstrainNothingLeaveMillionsOfSchedulesAndAllAreCounted() {
    // Each thread takes a lock of its own: 13 steps each, any interleaving, C(26, 13) schedules.
    ProgramResult result = crossed().protect(op -> around(List.of(op.thread()), op)).explore();
    assertEquals(10_400_600, result.total());
    assertTrue(result.bad() > 0, result.summary());
  }

  private static void everySchedule(
      Program program,
      ProgramState state,
      List<Integer> path,
      long[] counts,
      List<List<Integer>> first) {
    boolean unfinished = false;
    boolean stepped = false;
    for (int t = 0; t < program.threadNames().size(); t++) {
      if (state.done(t)) {
        continue;
      }
      unfinished = true;
      if (state.enabled(t)) {
        stepped = true;
        ProgramState next = state.copy();
        next.step(t);
        path.add(t);
        everySchedule(program, next, path, counts, first);
        path.remove(path.size() - 1);
      }
    }
    ProgramOutcome outcome =
        !unfinished ? state.outcome() : !stepped ? ProgramOutcome.DEADLOCK : null;
    if (outcome != null) {
      counts[outcome.ordinal()]++;
      if (first.get(outcome.ordinal()) == null) {
        first.set(outcome.ordinal(), List.copyOf(path));
      }
    }
  }
}
