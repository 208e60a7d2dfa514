package gilbook.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code gilbook} command: one subcommand per workbook action. */
@Command(
    name = "gilbook",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "An interactive workbook on Python's Global Interpreter Lock.",
      "",
      "Start with './gilbook list', then './gilbook watch' while you edit the current exercise.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 all asked checks passed, 1 a check failed, 2 usage or environment error."
    })
public final class GilbookCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  private final Context ctx;

  public GilbookCommand(Context ctx) {
    this.ctx = ctx;
  }

  /** Builds the command line with every subcommand wired to {@code ctx}. */
  public static CommandLine create(Context ctx) {
    CommandLine cl = new CommandLine(new GilbookCommand(ctx));
    cl.addSubcommand(new ListCommand(ctx));
    cl.addSubcommand(new CheckCommand(ctx));
    cl.addSubcommand(new RunCommand(ctx));
    cl.addSubcommand(new HintCommand(ctx));
    cl.addSubcommand(new SolutionCommand(ctx));
    cl.addSubcommand(new ResetCommand(ctx));
    cl.addSubcommand(new WatchCommand(ctx));
    cl.addSubcommand(new ProgressCommand(ctx));
    cl.addSubcommand(new JshellCommand(ctx));
    cl.addSubcommand(new VerifyCommand(ctx));
    cl.addSubcommand(new DisCommand(ctx));
    return cl;
  }

  /** With no command, gilbook opens its window; without a display, it says how to go on. */
  @Override
  public Integer call() {
    String display = System.getenv("DISPLAY");
    String wayland = System.getenv("WAYLAND_DISPLAY");
    boolean headless =
        Boolean.getBoolean("gilbook.headless")
            || ((display == null || display.isBlank()) && (wayland == null || wayland.isBlank()));
    if (headless) {
      ctx.err()
          .println(
              "gilbook: no display to open the window on (DISPLAY is not set). The workbook also"
                  + " runs in the terminal; start with './gilbook list':");
      spec.commandLine()
          .usage(ctx.err(), ctx.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF);
      return 2;
    }
    ctx.workbook(); // fails here, with a clear message, when there is no workbook
    gilbook.app.gui.GuiLauncher.launch(new String[0]);
    return 0;
  }
}
