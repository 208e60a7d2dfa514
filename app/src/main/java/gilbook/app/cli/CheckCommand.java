package gilbook.app.cli;

import gilbook.app.engine.Cancellation;
import gilbook.app.engine.CheckOutcome;
import gilbook.app.engine.EngineException;
import gilbook.app.engine.Verdict;
import gilbook.app.engine.Workbook;
import gilbook.exercises.grading.CheckResult;
import gilbook.exercises.grading.Seed;
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

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = {
        "Draw the checks' inputs from seed S (0 to 999999999), as a failed check showed,",
        "to repeat that run exactly. By default every check draws a fresh seed."
      })
  Long seed;

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
      long outputTruncatedBytes,
      long seed) {}

  @Override
  public Integer call() {
    if (seed != null && (seed < 0 || seed >= Seed.LIMIT)) {
      throw new EngineException(
          "--seed takes a whole number from 0 to "
              + (Seed.LIMIT - 1)
              + ", such as the one a failed check printed; got "
              + seed
              + ".");
    }
    Workbook wb = ctx.workbook();
    List<Exercise> targets = targets(wb);
    if (file != null) {
      // The learner's own files get a verdict when missing ('gilbook reset' restores them); a
      // file named here is a path to fix, which reset cannot restore.
      InputFiles.text(file, "Java source", "Check the path you gave --file.");
    }
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
      CheckOutcome o =
          wb.check(e, path, null, null, new Cancellation(), seed != null ? seed : Seed.fresh());
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
                o.droppedOutput(),
                o.seed()));
      } else {
        OutcomePrinter.print(ctx, o, path, wb.display(path), reproduce(e, o.seed()));
      }
    }
    if (json) {
      Json.print(ctx.out(), results);
    } else {
      summary(wb, targets, allPassed);
    }
    return allPassed ? 0 : 1;
  }

  /** The command that grades this file again with the same inputs. */
  private String reproduce(Exercise e, long s) {
    StringBuilder cmd = new StringBuilder("./gilbook check ").append(e.id());
    if (file != null) {
      cmd.append(" --file ").append(file);
    } else if (solutions) {
      cmd.append(" --solutions");
    }
    return cmd.append(" --seed ").append(s).toString();
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
