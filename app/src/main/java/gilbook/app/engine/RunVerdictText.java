package gilbook.app.engine;

import gilbook.exercises.harness.Problem;
import gilbook.exercises.worker.WorkerResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a Run ended, in words for the learner: what follows the code's own output in the CLI and in
 * the window's console, so both say the same. Stateless and thread-safe.
 */
public final class RunVerdictText {
  private RunVerdictText() {}

  /** What a line says, so that a terminal can colour it; the window prints the text alone. */
  public enum Tone {
    /** Output was cut. */
    NOTE,
    /** The learner stopped the run. */
    STOPPED,
    /** The code did not run to its end, or has a problem. */
    FAILED,
    /** A title, such as that of the GIL summary. */
    HEADING,
    /** Everything else: a source excerpt, a summary row. */
    PLAIN
  }

  /** One line of the verdict. */
  public record Line(Tone tone, String text) {}

  /**
   * The lines that end a Run of {@code file} (shown as {@code shownPath}), after its output.
   *
   * @param stopped whether the learner stopped it (then nothing else about it is known)
   */
  public static List<Line> lines(
      Workbook.RunOutcome o, Path file, String shownPath, boolean stopped) {
    List<Line> out = new ArrayList<>();
    if (o.dropped() > 0) {
      out.add(new Line(Tone.NOTE, "[output truncated: " + o.dropped() + " more bytes]"));
    }
    if (stopped) {
      out.add(new Line(Tone.STOPPED, "■ stopped before the code ended"));
      return out;
    }
    Optional<String> failure = failure(o);
    if (failure.isPresent()) {
      out.add(new Line(Tone.FAILED, "✗ " + failure.get()));
      return out;
    }
    WorkerResult r = o.result().orElseThrow();
    for (Problem p : r.problems()) {
      out.add(new Line(Tone.FAILED, "✗ " + p.format(shownPath)));
      SourceExcerpt.of(file, p).forEach(l -> out.add(new Line(Tone.PLAIN, l)));
    }
    if (!r.detail().isBlank() || !r.lines().isEmpty()) {
      // A file that could not be read ran nothing: there is no GIL to summarise.
      out.add(new Line(Tone.HEADING, "GIL summary (" + r.detail() + ")"));
      r.lines().forEach(l -> out.add(new Line(Tone.PLAIN, l)));
    }
    return out;
  }

  /** {@link #lines} as plain text, one line each, for a console without colour. */
  public static String text(Workbook.RunOutcome o, Path file, String shownPath, boolean stopped) {
    StringBuilder text = new StringBuilder();
    for (Line l : lines(o, file, shownPath, stopped)) {
      text.append(l.text()).append('\n');
    }
    return text.toString();
  }

  /** Whether the code ran to its end without a problem. */
  public static boolean ranCleanly(Workbook.RunOutcome o) {
    return failure(o).isEmpty() && o.result().orElseThrow().problems().isEmpty();
  }

  /**
   * Why the code did not run to its end, or empty when it did (its compile errors and exceptions
   * are in the result's problems).
   */
  public static Optional<String> failure(Workbook.RunOutcome o) {
    if (o.killed()) {
      return Optional.of(
          "the code did not finish, and its JVM stopped answering, so it was stopped after "
              + WorkerProcess.hardLimitSeconds(o.limitSeconds() * 1000L)
              + " s");
    }
    if (o.result().isEmpty()) {
      return Optional.of(
          "the JVM running the code ended early (exit code "
              + o.exitCode()
              + "): did it call System.exit or Runtime.halt?");
    }
    WorkerResult r = o.result().get();
    return switch (r.status()) {
      case "timeout" -> Optional.of(r.detail());
      case "error" -> Optional.of("gilbook could not run this file: " + r.detail());
      default -> Optional.empty();
    };
  }
}
