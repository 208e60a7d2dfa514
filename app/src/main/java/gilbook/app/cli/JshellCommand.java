package gilbook.app.cli;

import gilbook.exercises.harness.JShellHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;

/**
 * {@code gilbook jshell}: the JDK's own interactive jshell, with the runtime on the class path and
 * its imports preloaded. Snippets run in jshell's separate execution JVM, so nothing typed there
 * can end gilbook.
 */
@Command(
    name = "jshell",
    mixinStandardHelpOptions = true,
    description = "Open an interactive jshell with the gilbook runtime and its imports preloaded.")
final class JshellCommand implements Callable<Integer> {
  private final Context ctx;

  JshellCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    Path startup = Files.createTempFile("gilbook-startup", ".jsh");
    Files.writeString(
        startup,
        String.join("\n", JShellHarness.IMPORTS)
            + "\n/* gilbook: try Interpreter.builder().clock(Clock.virtual(1)).build() */\n");
    ctx.out()
        .println("gilbook jshell: the runtime is imported (gilbook.runtime.*). /exit to leave.");
    ctx.out().flush();
    try {
      return JavaShellToolBuilder.builder()
          .start(
              "--class-path",
              System.getProperty("java.class.path"),
              "--startup",
              "DEFAULT",
              "--startup",
              startup.toString());
    } finally {
      Files.deleteIfExists(startup);
    }
  }
}
