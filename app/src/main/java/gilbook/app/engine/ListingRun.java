package gilbook.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gilbook.exercises.worker.WorkerResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a CPython 3.11 {@code dis} listing from a lesson in a worker JVM (a listing is learner
 * input, like a learner's file), with options given as JSON: {@code threads}, {@code entry}, {@code
 * args}, {@code globals}, {@code policy}, {@code switchInterval} (like {@code "1us"}) and {@code
 * seed}. Thread-safe: each call starts its own worker.
 */
public final class ListingRun {
  private static final long LIMIT_MILLIS = 60_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ListingRun() {}

  /** What a listing run produced: the worker's data, or why there is none. */
  public record Outcome(Optional<Map<String, Object>> data, String problem) {}

  /**
   * Runs {@code listing} with {@code optionsJson}, writing its GIL trace to {@code trace}.
   *
   * @throws EngineException if the options are not a JSON object of the known keys
   */
  public static Outcome run(
      String listing, String optionsJson, Path trace, Cancellation cancellation) {
    JsonNode options;
    try {
      options = JSON.readTree(optionsJson);
    } catch (IOException e) {
      throw new EngineException("the listing's options are not JSON: " + e.getMessage(), e);
    }
    if (!options.isObject()) {
      throw new EngineException(
          "the listing's options must be a JSON object, like {\"threads\": 2}");
    }
    Path file;
    try {
      file = Files.createTempFile("gilbook-listing", ".dis");
      Files.writeString(file, listing);
    } catch (IOException e) {
      throw new EngineException("could not write a temporary file: " + e.getMessage(), e);
    }
    List<String> args = new ArrayList<>(List.of("dis", "--file", file.toString()));
    add(args, "--threads", options.path("threads").asText("2"));
    add(args, "--policy", options.path("policy").asText("3.11"));
    add(args, "--seed", options.path("seed").asText("1"));
    add(
        args,
        "--interval-ns",
        Long.toString(
            Durations.parse(options.path("switchInterval").asText("5ms"), "switchInterval")
                .toNanos()));
    add(args, "--args", options.path("args").isObject() ? options.get("args").toString() : "{}");
    add(
        args,
        "--globals",
        options.path("globals").isObject() ? options.get("globals").toString() : "{}");
    if (options.hasNonNull("entry")) {
      add(args, "--entry", options.get("entry").asText());
    }
    if (trace != null) {
      add(args, "--trace", trace.toString());
    }
    try {
      WorkerProcess.Outcome o = WorkerProcess.run(args, LIMIT_MILLIS, null, cancellation);
      if (cancellation.isCancelled()) {
        return new Outcome(Optional.empty(), "stopped");
      }
      if (o.killed() || o.result().isEmpty()) {
        return new Outcome(
            Optional.empty(),
            "the listing did not finish"
                + (o.killed()
                    ? " within " + WorkerProcess.hardLimitSeconds(LIMIT_MILLIS) + " s"
                    : "")
                + " (exit code "
                + o.exitCode()
                + ")");
      }
      WorkerResult r = o.result().get();
      return "ran".equals(r.status())
          ? new Outcome(Optional.ofNullable(r.data()), "")
          : new Outcome(Optional.empty(), r.detail());
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file
      }
    }
  }

  private static void add(List<String> args, String option, String value) {
    args.add(option);
    args.add(value);
  }
}
