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
}
