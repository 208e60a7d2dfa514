package gilbook.app;

import gilbook.app.cli.Context;
import gilbook.app.cli.GilbookCommand;
import gilbook.app.engine.EngineException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Entry point of the {@code gilbook} launcher: the CLI, and later the window.
 *
 * <p>Exit codes: 0 when every asked check passed, 1 when one failed, 2 for usage or environment
 * errors. Learner code never runs in this JVM, so nothing it does can end or hang it.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, System.in, Ansi.AUTO));
  }

  /** Runs the command line; returns the exit code. */
  public static int run(
      String[] args, PrintWriter out, PrintWriter err, InputStream in, Ansi ansi) {
    Context ctx = new Context(out, err, in, ansi);
    CommandLine cl = GilbookCommand.create(ctx);
    cl.setOut(out);
    cl.setErr(err);
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof EngineException) {
            err.println(ctx.style("@|red gilbook:|@ ") + ex.getMessage());
            return 2;
          }
          err.println(ctx.style("@|red gilbook: internal error:|@ ") + ex);
          err.println("Please report it with the command you ran.");
          return 2;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
