package gilbook.exercises.checks.ch02;

import gilbook.runtime.explorer.ExplorationResult;
import gilbook.runtime.explorer.Outcome;
import gilbook.runtime.explorer.ProgramOutcome;
import gilbook.runtime.explorer.ProgramResult;
import java.util.ArrayList;
import java.util.List;

/**
 * "924 schedules explored, 120 bad (96 premature free, 24 leak)": what an exhaustive exploration
 * found, in the words checks and Run print. Stateless.
 */
final class Counts {
  private Counts() {}

  static String of(ExplorationResult result) {
    long bad = result.total() - result.count(Outcome.CORRECT);
    List<String> kinds = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      if (o != Outcome.CORRECT && result.count(o) > 0) {
        kinds.add(result.count(o) + " " + o.words());
      }
    }
    return result.total()
        + " schedules explored, "
        + bad
        + " bad"
        + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")");
  }

  static String of(ProgramResult result) {
    List<String> kinds = new ArrayList<>();
    for (ProgramOutcome o : ProgramOutcome.values()) {
      if (o != ProgramOutcome.CORRECT && result.count(o) > 0) {
        kinds.add(result.count(o) + " " + o.words());
      }
    }
    return result.total()
        + " schedules explored, "
        + result.bad()
        + " bad"
        + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")");
  }
}
