package gilbook.app.cli;

import gilbook.app.engine.CheckOutcome;
import gilbook.app.engine.EngineException;
import gilbook.app.engine.Verdict;
import gilbook.app.engine.Workbook;
import gilbook.exercises.grading.CheckResult;
import gilbook.exercises.harness.Problem;
import gilbook.exercises.manifest.Exercise;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gilbook check}: grades exercises in child JVMs and reports every check. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Grade exercises: the current one by default, the ones named, or --all.",
      "Exit code 0 when every check passes, 1 when any fails."
    })
final class CheckCommand implements Callable<Integer> {
  private final Context ctx;

  @Parameters(arity = "0..*", paramLabel = "ID", description = "Exercises to check.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--all", description = "Check every exercise, in order.")
  boolean all;

  @Option(names = "--solutions", description = "Grade the reference solutions instead.")
  boolean solutions;

  @Option(
      names = "--file",
      paramLabel = "PATH",
      description = "Grade this file for the one exercise named, leaving the learner's file alone.")
  Path file;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  CheckCommand(Context ctx) {
    this.ctx = ctx;
  }

  /** One exercise in {@code check --json}. */
  record JsonOutcome(
      String id,
      boolean passed,
      List<CheckResult> checks,
      Verdict error,
      List<Problem> problems,
      String output,
      long outputTruncatedBytes) {}

  @Override
  public Integer call() {
    Workbook wb = ctx.workbook();
    List<Exercise> targets = targets(wb);
    List<JsonOutcome> results = new ArrayList<>();
    boolean allPassed = true;
    int n = 0;
    for (Exercise e : targets) {
      n++;
      Path path = file != null ? file : solutions ? wb.solutionFile(e) : wb.file(e);
      if (targets.size() > 1 && !json) {
        ctx.err().println(ctx.style("@|faint " + bar(n, targets.size()) + " " + e.id() + "|@"));
        ctx.err().flush();
      }
      CheckOutcome o = wb.check(e, path, null);
      allPassed &= o.passed();
      if (json) {
        results.add(
            new JsonOutcome(
                o.id(),
                o.passed(),
                o.checks(),
                o.error().orElse(null),
                o.problems(),
                o.output(),
                o.droppedOutput()));
      } else {
        OutcomePrinter.print(ctx, o, wb.display(path));
      }
    }
    if (json) {
      Json.print(ctx.out(), results);
    } else {
      summary(wb, targets, allPassed);
    }
    return allPassed ? 0 : 1;
  }

  private void summary(Workbook wb, List<Exercise> targets, boolean allPassed) {
    if (targets.size() == 1 && allPassed && file == null && !solutions) {
      Exercise done = targets.get(0);
      wb.next(done)
          .ifPresentOrElse(
              next -> {
                wb.progress().current(next.id());
                ctx.out()
                    .println("\nNext: ./gilbook check " + next.id() + "   (" + next.path() + ")");
              },
              () -> ctx.out().println("\nThat was the last exercise. Well done!"));
    } else if (!allPassed && targets.size() == 1 && file == null && !solutions) {
      ctx.out().println("\nStuck? ./gilbook hint " + targets.get(0).id());
    }
  }

  private List<Exercise> targets(Workbook wb) {
    if (file != null && (all || ids.size() != 1)) {
      throw new EngineException(
          "--file grades one exercise: name exactly one ID, as in"
              + " 'gilbook check refcount-by-hand --file my.jsh'.");
    }
    if (all && !ids.isEmpty()) {
      throw new EngineException("use either --all or exercise IDs, not both.");
    }
    if (all) {
      return wb.manifest().exercises();
    }
    if (ids.isEmpty()) {
      return List.of(wb.current());
    }
    List<Exercise> out = new ArrayList<>();
    for (String id : ids) {
      out.add(wb.exercise(id));
    }
    return out;
  }

  private static String bar(int n, int total) {
    int width = 20;
    int filled = n * width / total;
    return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + n + "/" + total;
  }
}
