package gilbook.runtime.explorer;

import java.util.List;
import java.util.Locale;

/** Writes a {@link Schedule} as text a learner can follow. Stateless and thread-safe. */
final class ScheduleText {

  private ScheduleText() {}

  static String describe(Schedule schedule, String title, String setup) {
    StringBuilder text = new StringBuilder();
    text.append(title).append(": ").append(schedule.outcome()).append('\n');
    text.append("  ").append(setup).append('\n');
    appendSteps(text, schedule.steps());
    text.append("  result: ob_refcnt = ").append(schedule.finalRefcount());
    text.append(", expected ").append(schedule.expectedRefcount());
    text.append(" (").append(lost(schedule.lostUpdates())).append(")\n");
    text.append("  verdict: ").append(verdict(schedule)).append('\n');
    return text.toString();
  }

  /**
   * Describes a replay that stopped before every thread was done: its steps, the count and the
   * references held where it stopped, and whether the object was freed while one was held.
   */
  static String describePartial(Schedule partial, int referencesHeld, int stepsPerSchedule) {
    StringBuilder text = new StringBuilder();
    text.append("Replay of ").append(partial.steps().size()).append(" of ");
    text.append(stepsPerSchedule).append(" steps\n");
    text.append("  ").append(partial.setupLine()).append('\n');
    appendSteps(text, partial.steps());
    text.append("  stopped: ob_refcnt = ").append(partial.finalRefcount());
    text.append(", references held = ").append(referencesHeld);
    text.append(" (").append(lost(partial.lostUpdates())).append(")\n");
    text.append("  verdict: ");
    if (partial.freedWhileReferenced()) {
      text.append("premature free: the object was freed at step ");
      text.append(partial.freedAtStep().getAsInt());
      text.append(" while a reference to it was still held\n");
    } else if (partial.freedAtStep().isPresent()) {
      text.append("no premature free: the count reached 0 at step ");
      text.append(partial.freedAtStep().getAsInt());
      text.append(" when no reference was held, as it would with the GIL\n");
    } else {
      text.append("no premature free so far: the object has not been freed\n");
    }
    return text.toString();
  }

  private static void appendSteps(StringBuilder text, List<Step> steps) {
    int numberWidth = String.valueOf(steps.size()).length();
    int threadWidth = steps.stream().mapToInt(step -> step.thread().length()).max().orElse(0);
    int kindWidth = steps.stream().mapToInt(step -> step.kind().name().length()).max().orElse(0);
    String format =
        "  step %-" + numberWidth + "d  %-" + threadWidth + "s  %-" + kindWidth + "s %s";

    for (Step step : steps) {
      String line =
          String.format(
              Locale.ROOT, format, step.number(), step.thread(), step.kind(), action(step));
      text.append(line.stripTrailing());
      if (!step.note().isEmpty()) {
        text.append("   <- ").append(step.note());
      }
      text.append('\n');
    }
  }

  private static String action(Step step) {
    return switch (step.kind()) {
      case ACQUIRE -> "lock for " + step.op();
      case LOAD -> "ob_refcnt -> r = " + step.register();
      case ADD -> {
        int before = step.register() - step.op().delta();
        String sign = step.op().delta() > 0 ? " + 1" : " - 1";
        yield "r = " + before + sign + " = " + step.register();
      }
      case STORE -> "ob_refcnt = " + step.refcount();
      case RELEASE -> "lock";
    };
  }

  private static String lost(List<String> lostUpdates) {
    if (lostUpdates.isEmpty()) {
      return "no update lost";
    }
    return "lost " + Words.list(lostUpdates);
  }

  private static String verdict(Schedule schedule) {
    int difference = schedule.finalRefcount() - schedule.expectedRefcount();
    boolean freed = schedule.freedAtStep().isPresent();
    String freedAt = freed ? "step " + schedule.freedAtStep().getAsInt() : "";
    List<String> afterFree =
        schedule.steps().stream()
            .filter(Step::useAfterFree)
            .map(step -> String.valueOf(step.number()))
            .toList();
    String usedAt = (afterFree.size() == 1 ? "step " : "steps ") + Words.list(afterFree);

    StringBuilder verdict = new StringBuilder(schedule.outcome().words()).append(": ");
    switch (schedule.outcome()) {
      case PREMATURE_FREE -> {
        if (schedule.freedWhileReferenced()) {
          verdict.append("the object was freed at ").append(freedAt);
          verdict.append(" while a reference to it was still held");
        } else {
          verdict
              .append("the count is ")
              .append(-difference)
              .append(" too low, so it will reach 0");
          verdict.append(" while a reference is still held and the object will be freed too early");
        }
      }
      case LEAK -> {
        verdict.append("the count is ").append(difference).append(" too high");
        if (!freed) {
          verdict.append(", so it never reaches 0 and the object is never freed");
        }
      }
      case CORRECT -> {
        verdict.append("the count ends where it should");
        if (freed && afterFree.isEmpty()) {
          verdict.append("; the object was freed at ").append(freedAt);
          verdict.append(", after the last reference was dropped");
        }
      }
    }
    if (schedule.freedWhileReferenced()) {
      verdict.append(afterFree.isEmpty() ? "; any later use of it is a use after free" : "; ");
      if (!afterFree.isEmpty()) {
        verdict.append(usedAt).append(" then used the freed object (use after free)");
      }
    } else if (!afterFree.isEmpty()) {
      verdict.append("; also, the count reached 0 at ").append(freedAt);
      verdict.append(" while no reference was held, so the object was freed there, and ");
      verdict.append(usedAt).append(" then used it (use after free): the operations themselves");
      verdict.append(" drop the last reference too early, so this would happen with the GIL too");
    }
    return verdict.toString();
  }
}
