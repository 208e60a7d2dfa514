package gilbook.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM on the tests' class path, for tests about several gilbook processes at once: its
 * standard error is merged into its output, and {@link #finish} gives that output and the exit
 * code.
 */
public final class ChildJvm {
  private final Process process;
  private final StringBuffer output = new StringBuffer();

  private ChildJvm(Process process) {
    this.process = process;
  }

  /** Starts {@code main} with {@code properties} ({@code -Dname=value}) and {@code args}. */
  public static ChildJvm start(Class<?> main, List<String> properties, String... args) {
    return start(null, main, properties, args);
  }

  /**
   * Like {@link #start(Class, List, String...)}, in the working folder {@code dir} (this JVM's own
   * when {@code null}), for a command whose relative paths must land there.
   */
  public static ChildJvm start(Path dir, Class<?> main, List<String> properties, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A short-lived JVM starts faster with the quick compiler and the simple collector.
    cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m"));
    cmd.addAll(properties);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
      if (dir != null) {
        builder.directory(dir.toFile());
      }
      return new ChildJvm(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + cmd, e);
    }
  }

  /** Reads the child's output up to and including the next line; returns the line. */
  public String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = process.getInputStream().read()) != -1 && b != '\n') {
      line.append((char) b);
    }
    output.append(line).append('\n');
    if (b == -1) {
      throw new AssertionError("the child JVM ended before a line came:\n" + output);
    }
    return line.toString();
  }

  /** Writes {@code line} to the child's standard input. */
  public void send(String line) throws IOException {
    process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  /** What the child did: its exit code and everything it printed. */
  public record Result(int exit, String output) {}

  /** Waits for the child to end (killing it after {@code seconds}) and returns what it did. */
  public Result finish(long seconds) throws InterruptedException {
    // Read first: a child blocked on a full pipe would never end.
    Thread reader =
        new Thread(
            () -> {
              try {
                output.append(
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                output.append("\n(could not read the output: ").append(e).append(")");
              }
            });
    reader.start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
      reader.join();
      throw new AssertionError("child JVM still running after " + seconds + " s:\n" + output);
    }
    reader.join();
    return new Result(process.exitValue(), output.toString());
  }
}
