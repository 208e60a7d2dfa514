package gilbook.runtime.bytecode.parity;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * This machine's python3 running {@code bytecode/parity-driver.py}: the listing of a case and its
 * outcome on real CPython. Thread-safe (each call starts its own process).
 */
final class CPythonSide {
  private static final String PYTHON = "python3";
  private static final long TIMEOUT_SECONDS = 120;
  private static volatile String version;

  private CPythonSide() {}

  /**
   * What the driver printed for one case.
   *
   * @param version the python that ran it, such as {@code 3.11.7}
   * @param listing {@code dis.dis(compile(source, FILE, "exec"))}
   * @param threaded the outcome with the case's threads
   * @param serial the outcome with the entry called once per thread, one call after another; null
   *     unless the case compares with {@code no-lost-updates}
   * @param moduleData without {@code module=true}, the data names the module's own code assigned
   */
  record Run(
      String version, String listing, Outcome threaded, Outcome serial, List<String> moduleData) {

    /** A run with no module data, as most hand-made runs in tests are. */
    Run(String version, String listing, Outcome threaded, Outcome serial) {
      this(version, listing, threaded, serial, List.of());
    }
  }

  /**
   * The version of python3 here, such as {@code 3.11.7}, or a sentence saying why there is none;
   * asked once.
   */
  static String version() {
    if (version == null) {
      try {
        version =
            run(List.of(PYTHON, "-c", "import sys; print(sys.version.split()[0])"), null).strip();
      } catch (IllegalStateException e) {
        version = "no python3 here (" + e.getMessage() + ")";
      }
    }
    return version;
  }

  /** Runs a case on CPython. */
  @SuppressWarnings("unchecked")
  static Run run(ParityCase c) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("entry", c.entry());
    spec.put("threads", (long) c.threads());
    spec.put("args", c.args());
    spec.put("globals", c.globals());
    spec.put("module", c.module());
    spec.put("interval", c.intervalSeconds());
    spec.put("serial", c.compare() == ParityCase.Compare.NO_LOST_UPDATES);
    String out =
        run(
            List.of(
                PYTHON, driver().toString(), "run", c.file().toString(), ParityJson.write(spec)),
            null);
    Map<String, Object> json = ParityJson.readObject(out);
    Object serial = json.get("serial");
    return new Run(
        (String) json.get("version"),
        (String) json.get("listing"),
        Outcome.fromJson((Map<String, Object>) json.get("threaded")),
        serial == null ? null : Outcome.fromJson((Map<String, Object>) serial),
        (List<String>) json.get("module_data"));
  }

  /**
   * Evaluates a Python expression on an outcome's args and globals.
   *
   * @return whether it is true
   * @throws IllegalStateException if it raised, with Python's message
   */
  static boolean eval(String expr, Outcome o) {
    Map<String, Object> json =
        ParityJson.readObject(run(List.of(PYTHON, driver().toString(), "eval", expr), o.toJson()));
    if (json.containsKey("error")) {
      throw new IllegalStateException("expect=\"" + expr + "\" raised " + json.get("error"));
    }
    return (Boolean) json.get("value");
  }

  private static Path driver() {
    try {
      return Path.of(CPythonSide.class.getResource("/bytecode/parity-driver.py").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String run(List<String> command, String stdin) {
    File out;
    File err;
    try {
      out = File.createTempFile("parity", ".out");
      err = File.createTempFile("parity", ".err");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try {
      // Both streams to files, so that the timeout applies even to a script that never stops.
      Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("no result after " + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", shorten(command))
                + " exited with "
                + p.exitValue()
                + ": "
                + Files.readString(err.toPath()).strip());
      }
      return Files.readString(out.toPath());
    } catch (IOException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      out.delete();
      err.delete();
    }
  }

  private static List<String> shorten(List<String> command) {
    List<String> out = new ArrayList<>();
    for (String s : command) {
      out.add(s.length() > 200 ? s.substring(0, 200) + "..." : s);
    }
    return out;
  }
}
