package gilbook.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * This machine's CPython, which runs the other side of each fidelity comparison from the scripts in
 * {@code bench/python/}. Thread-safe, but the benchmarks call it one at a time so that Java and
 * Python never compete for the two cores.
 */
final class CPython {
  private final String executable;
  private final Path scripts;
  private final String version;

  private CPython(String executable, Path scripts, String version) {
    this.executable = executable;
    this.scripts = scripts;
    this.version = version;
  }

  /**
   * Finds {@code executable} and asks its version.
   *
   * @return the interpreter, or {@code null} if it cannot be run; {@code whyNot} then says why
   */
  static CPython find(String executable, Path scripts, StringBuilder whyNot) {
    if (!Files.isDirectory(scripts)) {
      whyNot.append("the CPython scripts are not at ").append(scripts.toAbsolutePath());
      return null;
    }
    try {
      String out =
          run(List.of(executable, "-c", "import sys; print(sys.version.split()[0])"), 30).strip();
      return new CPython(executable, scripts, out);
    } catch (IOException | IllegalStateException e) {
      whyNot.append(executable).append(" could not be run (").append(e.getMessage()).append(")");
      return null;
    }
  }

  /** The version string, such as {@code 3.11.7}. */
  String version() {
    return version;
  }

  /**
   * Runs {@code script} from the scripts folder and reads the JSON object it prints.
   *
   * @param timeoutSeconds how long the script may run before the benchmark gives up on it
   * @throws IllegalStateException if the script fails, hangs, or prints something else
   */
  Map<String, Double> runScript(String script, long timeoutSeconds, String... args) {
    List<String> command = new ArrayList<>(List.of(executable, scripts.resolve(script).toString()));
    command.addAll(List.of(args));
    try {
      return FlatJson.numbers(run(command, timeoutSeconds));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
    }
  }

  private static String run(List<String> command, long timeoutSeconds) throws IOException {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (InputStream stdout = p.getInputStream()) {
      p.getOutputStream().close();
      // Our scripts print one short line, far less than a pipe holds, so waiting before reading
      // cannot block the script; waiting first is what lets the timeout apply.
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("no result after " + timeoutSeconds + " s");
      }
      String out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("exit status " + p.exitValue());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
