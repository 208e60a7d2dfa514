package gilbook.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gilbook.app.engine.Durations;
import gilbook.app.engine.EngineException;
import gilbook.app.engine.WorkerProcess;
import gilbook.exercises.worker.WorkerResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gilbook dis}: runs the output of CPython 3.11's {@code dis.dis(...)} in several simulated
 * threads on the simulated GIL, and shows where the check points are and what the threads did to
 * their shared objects. The listing runs in a worker JVM, like learner code.
 */
@Command(
    name = "dis",
    mixinStandardHelpOptions = true,
    description = {
      "Run a CPython 3.11 dis listing (save the output of dis.dis(f), dis.dis(\"source\") or"
          + " python3 -m dis file.py in a file) in N simulated threads that share the objects"
          + " built from --args and --globals.",
      "A whole-module listing (python3 -m dis file.py) first runs its module code in the main"
          + " thread (imports of threading, time and queue, assignments such as"
          + " lock = threading.Lock(), defs; __name__ is the file's name, so an"
          + " if __name__ == \"__main__\": block is skipped); --globals then override what it"
          + " assigned, and --entry runs in N threads."
          + " With --main the module runs as a script instead and starts its own threads.",
      "Example: gilbook dis reward.dis --entry process_piece --threads 2"
          + " --args '{\"stat\": {\"piece_count\": 0, \"reward_count\": 0}, \"N\": 100000}'"
          + " --switch-interval 1us --show"
    })
final class DisCommand implements Callable<Integer> {
  private static final long LIMIT_MILLIS = 120_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MAKE_A_LISTING =
      "Make a listing with python3.11 -c 'import dis; dis.dis(\"...\")' > FILE"
          + " or python3.11 -m dis file.py > FILE, then run gilbook dis FILE.";
  private final Context ctx;

  @Parameters(paramLabel = "FILE", description = "The dis listing.")
  Path file;

  @Option(names = "--entry", paramLabel = "NAME", description = "The function each thread runs.")
  String entry;

  @Option(
      names = "--main",
      description =
          "Run the module code as a script (__name__ == \"__main__\") in the main thread only;"
              + " --entry, --threads and --args do not apply.")
  boolean main;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "2",
      description = "Threads (default 2).")
  int threads;

  @Option(
      names = "--args",
      paramLabel = "JSON",
      defaultValue = "{}",
      description = "The entry function's arguments, shared by all threads.")
  String args;

  @Option(
      names = "--globals",
      paramLabel = "JSON",
      defaultValue = "{}",
      description = "Module globals.")
  String globals;

  @Option(
      names = "--policy",
      defaultValue = "3.11",
      description =
          "Check points: 3.11 (with its specialising interpreter's warm-up), 3.10, or tick (the"
              + " eval breaker checked before every instruction under the switch interval; not"
              + " the pre-3.2 GIL that switched every 100 instructions).")
  String policy;

  @Option(
      names = "--switch-interval",
      paramLabel = "DUR",
      defaultValue = "5ms",
      description = "Like 5ms, 500us, 1us.")
  String interval;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the virtual clock.")
  long seed;

  @Option(names = "--show", description = "Print the listing with its check points marked.")
  boolean show;

  @Option(names = "--trace", paramLabel = "OUT.json", description = "Write the GIL trace here.")
  Path trace;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  DisCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    InputFiles.text(file, "a dis listing", MAKE_A_LISTING);
    if (trace != null) {
      InputFiles.writable(trace, "--trace");
    }
    if (threads < 1 || threads > 64) {
      throw new EngineException("--threads must be between 1 and 64, got " + threads + ".");
    }
    checkJsonObject(args, "--args");
    checkJsonObject(globals, "--globals");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "dis",
                "--file",
                file.toAbsolutePath().toString(),
                "--threads",
                Integer.toString(threads),
                "--args",
                args,
                "--globals",
                globals,
                "--policy",
                policy,
                "--interval-ns",
                Long.toString(Durations.parse(interval, "--switch-interval").toNanos()),
                "--seed",
                Long.toString(seed)));
    if (main && entry != null) {
      throw new EngineException(
          "--main runs the module as a script, which starts its own threads; drop --entry, or"
              + " drop --main to run --entry in --threads threads.");
    }
    if (entry != null) {
      cmd.addAll(List.of("--entry", entry));
    }
    if (main) {
      cmd.addAll(List.of("--main", "yes"));
    }
    if (show) {
      cmd.addAll(List.of("--show", "yes"));
    }
    if (trace != null) {
      cmd.addAll(List.of("--trace", trace.toAbsolutePath().toString()));
    }
    WorkerProcess.Outcome o = WorkerProcess.run(cmd, LIMIT_MILLIS, null);
    if (o.killed() || o.result().isEmpty()) {
      throw new EngineException(
          "the listing did not finish"
              + (o.killed() ? " within " + WorkerProcess.hardLimitSeconds(LIMIT_MILLIS) + " s" : "")
              + " (exit code "
              + o.exitCode()
              + ")\n"
              + o.output());
    }
    WorkerResult r = o.result().get();
    if (!"ran".equals(r.status())) {
      ctx.err().println(ctx.style("@|red gilbook dis:|@ ") + file + ": " + r.detail());
      return 1;
    }
    Map<String, Object> data = r.data();
    if (json) {
      Json.print(ctx.out(), data);
    } else {
      print(data);
    }
    return ((Map<?, ?>) data.get("errors")).isEmpty() ? 0 : 1;
  }

  private void print(Map<String, Object> data) throws JsonProcessingException {
    if (data.containsKey("listing")) {
      ctx.out().println(ctx.style("@|bold Listing (policy " + data.get("policy") + ")|@"));
      ctx.out().println(data.get("listing"));
    }
    String printed = String.valueOf(data.get("stdout"));
    if (!printed.isEmpty()) {
      ctx.out().print(printed);
    }
    Object stderr = data.get("stderr");
    if (stderr instanceof String tracebacks && !tracebacks.isEmpty()) {
      ctx.err().print(tracebacks); // uncaught exceptions, as threading's excepthook prints them
    }
    ctx.out().println(ctx.style("@|bold args:   |@") + JSON.writeValueAsString(data.get("args")));
    ctx.out()
        .println(ctx.style("@|bold globals:|@ ") + JSON.writeValueAsString(data.get("globals")));
    ctx.out()
        .printf(
            "GIL switches: %s   bytecodes: %s   seed: %s   policy: %s%n",
            data.get("switches"), data.get("instructions"), data.get("seed"), data.get("policy"));
    ctx.out()
        .printf(
            "  %-12s %10s %10s %8s %12s %8s%n",
            "thread", "held ms", "waited ms", "takes", "longest ms", "drop req");
    for (Object o : (List<?>) data.get("threads")) {
      Map<?, ?> t = (Map<?, ?>) o;
      ctx.out()
          .printf(
              "  %-12s %10.3f %10.3f %8s %12.3f %8s%n",
              t.get("name"),
              ((Number) t.get("heldNs")).longValue() / 1e6,
              ((Number) t.get("waitedNs")).longValue() / 1e6,
              t.get("acquisitions"),
              ((Number) t.get("longestHoldNs")).longValue() / 1e6,
              t.get("dropRequestsCaused"));
    }
    ((Map<?, ?>) data.get("errors"))
        .forEach((name, msg) -> ctx.out().println(ctx.style("@|red ✗ " + name + ":|@ ") + msg));
  }

  private static void checkJsonObject(String text, String option) {
    try {
      if (!JSON.readTree(text).isObject()) {
        throw new EngineException(option + " must be a JSON object, like {\"N\": 1000}.");
      }
    } catch (JsonProcessingException e) {
      throw new EngineException(
          option
              + " is not valid JSON ("
              + e.getOriginalMessage()
              + "); write an object like {\"N\": 1000}.");
    }
  }
}
