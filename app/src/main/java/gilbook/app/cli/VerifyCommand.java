package gilbook.app.cli;

import gilbook.app.engine.EngineException;
import gilbook.exercises.verify.AuthoringContract;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gilbook verify}: the authoring contract, for people who write exercises. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check the authoring contract: every exercise has a TODO and two or more hints, a"
          + " solution at the mirrored path and a scenario for Run; its stub fails and its"
          + " solution passes, 5 times each with fresh seeds; every file of its wrong corpus"
          + " fails and every file of its right corpus passes. Exit code 0 when it holds, 1 when"
          + " it does not. Name exercises to verify only those (the lessons and orphan files of"
          + " the whole workbook are still checked)."
    })
final class VerifyCommand implements Callable<Integer> {
  private final Context ctx;

  VerifyCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Option(
      names = "--repeat",
      paramLabel = "N",
      description = {
        "Grade each corpus file N times, each with a fresh seed (default 1). Run with 20 before"
            + " an exercise lands: a verdict that flips shows a grader that depends on luck."
      })
  int repeat = 1;

  @Parameters(
      paramLabel = "ID",
      arity = "0..*",
      description = {
        "Exercises to verify, by id or path (./gilbook list); all of them when none is named."
      })
  List<String> ids = new ArrayList<>();

  @Override
  public Integer call() {
    if (repeat < 1) {
      throw new EngineException("--repeat takes a whole number of runs, 1 or more; got " + repeat);
    }
    // An unknown id stops here, with the ids there are, before anything is graded.
    List<String> only = ids.stream().map(id -> ctx.workbook().exercise(id).id()).toList();
    long start = System.nanoTime();
    ctx.out()
        .println(
            (only.isEmpty() ? "Verifying the workbook" : "Verifying " + String.join(", ", only))
                + ": each stub and solution is graded "
                + Math.max(AuthoringContract.RUNS, repeat)
                + " times, each corpus file "
                + (repeat == 1 ? "once" : repeat + " times")
                + "...");
    ctx.out().flush();
    List<String> breaches = ctx.workbook().verify(new WriterOutputStream(ctx.out()), repeat, only);
    ctx.out().printf("(took %.0f s)%n", (System.nanoTime() - start) / 1e9);
    if (breaches.isEmpty()) {
      ctx.out().println(ctx.style("@|green ✓ the authoring contract holds|@"));
      return 0;
    }
    for (String b : breaches) {
      ctx.out().println(ctx.style("@|red ✗|@ ") + b);
    }
    ctx.out().println(breaches.size() + " problem(s).");
    return 1;
  }
}
