package gilbook.exercises.checks.ch02;

import static gilbook.exercises.checks.ch02.Ch02Feedback.orHint;
import static gilbook.exercises.checks.ch02.Ch02Feedback.seed;

import gilbook.exercises.contract.FindTheCrash;
import gilbook.exercises.grading.Feedback;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.explorer.InterleavingExplorer;
import gilbook.runtime.explorer.Outcome;
import gilbook.runtime.explorer.Replay;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Grades "Find the crash" by replaying, never against a stored answer: for each seeded setup, the
 * learner's order of micro-steps is replayed on the explorer, must free the object while a
 * reference is held, and must be minimal (dropping any one step, so that the thread's later steps
 * move up, no longer does). Each check's name shows what the exhaustive exploration of that setup
 * found: schedules explored and bad ones.
 */
class FindTheCrashChecks {
  static final String ID = "find-the-crash";
  static final int SETUPS = 6;

  /** The setups of this grading; the first ends at 0, so a correct free is possible there. */
  static List<CrashSetup> setups() {
    SplittableRandom random = Seed.random("setups");
    List<CrashSetup> setups = new ArrayList<>();
    for (int i = 0; i < SETUPS; i++) {
      setups.add(CrashSetup.draw(random, i == 0));
    }
    return setups;
  }

  @TestFactory
  Stream<DynamicTest> eachSetup() {
    List<CrashSetup> setups = setups();
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < setups.size(); i++) {
      InterleavingExplorer explorer = setups.get(i).explorer();
      String name =
          "setup "
              + (i + 1)
              + " ("
              + explorer.describeSetup()
              + "): "
              + Counts.of(explorer.explore())
              + "; your schedule replays a premature free, with no step to spare";
      tests.add(DynamicTest.dynamicTest(name, () -> grade(explorer)));
    }
    return tests.stream();
  }

  static void grade(InterleavingExplorer explorer) {
    String setup = "in the setup \"" + explorer.describeSetup() + "\"" + seed();
    List<String> order = Submission.get(FindTheCrash.class).crash(explorer);
    Feedback.expect(
        order != null,
        "crash(explorer) returns an order of thread names, one per micro-step",
        () -> "it returned null " + setup,
        "return a list; see " + Ch02Feedback.WORKBOOK + "." + orHint(ID));
    Replay replay;
    try {
      replay = explorer.replay(order);
    } catch (IllegalArgumentException e) {
      throw Feedback.fail(
          "your order can be replayed " + setup,
          "replay refused it: " + e.getMessage(),
          "name only the explorer's threads (threadNames()), each at most as often as it has"
              + " micro-steps (stepsOf)."
              + orHint(ID));
    }
    Feedback.expect(
        replay.prematureFree(),
        "replaying your order frees the object while a reference to it is still held " + setup,
        () -> whatItDid(replay),
        (replay.freedAtStep().isPresent()
                ? "a free alone is not the crash: the count must reach 0 while someone still"
                    + " holds a reference."
                : leaked(replay)
                    ? "the crash needs the count too low, not too high: which lost update does"
                        + " that?"
                    : "the crash is the moment the count reaches 0 while someone still holds a"
                        + " reference; your order never gets there.")
            + " Reread "
            + Ch02Feedback.TOO_LOW
            + "."
            + orHint(ID));
    int spare = 0;
    for (int i = 0; i < order.size(); i++) {
      List<String> shorter = new ArrayList<>(order);
      shorter.remove(i);
      if (explorer.replay(shorter).prematureFree()) {
        spare++;
      }
    }
    int spareSteps = spare;
    Feedback.expect(
        spare == 0,
        "a minimal schedule " + setup + ": dropping any one step no longer frees the object early",
        () ->
            "your "
                + order.size()
                + " steps free it early, but "
                + spareSteps
                + (spareSteps == 1 ? " of them can be dropped" : " of them can each be dropped")
                + " and the object is still freed early",
        "keep only the steps the crash needs: try dropping steps one at a time and replaying."
            + orHint(ID));
  }

  private static String whatItDid(Replay replay) {
    String steps = replay.steps().size() + " steps";
    if (replay.freedAtStep().isPresent()) {
      return "your "
          + steps
          + " bring the count to 0 at step "
          + replay.freedAtStep().getAsInt()
          + " when no reference is held any more: that free is correct, the GIL would do it too";
    }
    if (leaked(replay)) {
      return "your "
          + steps
          + " lose an update and end with the count "
          + replay.refcount()
          + " where "
          + held(replay)
          + " held: too high, a leak, and nothing is freed";
    }
    return "after your "
        + steps
        + " the count is "
        + replay.refcount()
        + " and "
        + held(replay)
        + " held: the object was never freed";
  }

  private static boolean leaked(Replay replay) {
    return replay.schedule().isPresent() && replay.schedule().get().outcome() == Outcome.LEAK;
  }

  private static String held(Replay replay) {
    int n = replay.referencesHeld();
    return n == 1 ? "1 reference is" : n + " references are";
  }
}
