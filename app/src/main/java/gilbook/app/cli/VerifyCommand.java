package gilbook.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gilbook verify}: the authoring contract, for people who write exercises. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check the authoring contract: every exercise has a TODO and two or more hints, mirrors its"
          + " solution, fails as shipped, passes with its solution, and gives the same verdict 5"
          + " times. Exit code 0 when it holds, 1 when it does not."
    })
final class VerifyCommand implements Callable<Integer> {
  private final Context ctx;

  VerifyCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ctx.out().println("Verifying the workbook (each exercise is graded 10 times)...");
    ctx.out().flush();
    List<String> breaches = ctx.workbook().verify(new WriterOutputStream(ctx.out()));
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
