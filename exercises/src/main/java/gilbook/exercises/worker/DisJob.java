package gilbook.exercises.worker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import gilbook.runtime.ThreadStats;
import gilbook.runtime.bytecode.CheckPointPolicy;
import gilbook.runtime.bytecode.DisRun;
import gilbook.runtime.bytecode.DisView;
import gilbook.runtime.bytecode.Listing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker's {@code dis} job: runs a CPython 3.11 {@code dis} listing in several simulated
 * threads ({@link DisRun}) and reports the final arguments and globals, the switches and each
 * thread's statistics as plain JSON values. It runs in a worker JVM like learner code does, since a
 * listing is learner input too.
 */
final class DisJob {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DisJob() {}

  static Map<String, Object> run(Map<String, String> opts) throws IOException {
    String text = Files.readString(Path.of(opts.get("file")));
    Listing listing = Listing.parse(text);
    CheckPointPolicy policy = CheckPointPolicy.fromLabel(opts.getOrDefault("policy", "3.11"));
    Map<String, Object> data = new LinkedHashMap<>();
    if (opts.containsKey("show")) {
      data.put("listing", DisView.annotate(listing, policy));
    }
    DisRun run =
        DisRun.builder(listing)
            .threads(Integer.parseInt(opts.getOrDefault("threads", "2")))
            .args(map(opts.getOrDefault("args", "{}"), "--args"))
            .globals(map(opts.getOrDefault("globals", "{}"), "--globals"))
            .policy(policy)
            .switchInterval(
                Duration.ofNanos(Long.parseLong(opts.getOrDefault("interval-ns", "5000000"))))
            .seed(Long.parseLong(opts.getOrDefault("seed", "1")));
    if (opts.containsKey("entry")) {
      run.entry(opts.get("entry"));
    }
    if (opts.containsKey("main")) {
      run.asMain();
    }
    DisRun.Result r = run.run();
    data.put("args", r.args());
    data.put("globals", r.globals());
    data.put("switches", r.switches());
    data.put("seed", r.seed());
    data.put("policy", policy.label());
    data.put("instructions", r.instructions());
    data.put("stdout", r.stdout());
    data.put("stderr", r.stderr());
    data.put("errors", r.errors());
    List<Map<String, Object>> threads = new ArrayList<>();
    for (ThreadStats s : r.threads()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", s.name());
      t.put("heldNs", s.held());
      t.put("waitedNs", s.waited());
      t.put("acquisitions", s.acquisitions());
      t.put("longestHoldNs", s.longestHold());
      t.put("dropRequestsCaused", s.dropRequestsCaused());
      t.put("instructions", s.instructions());
      threads.add(t);
    }
    data.put("threads", threads);
    String trace = opts.get("trace");
    if (trace != null) {
      r.trace().writeJson(Path.of(trace));
    }
    return data;
  }

  private static Map<String, Object> map(String json, String option) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          option + " must be a JSON object, like {\"N\": 1000}; " + e.getOriginalMessage(), e);
    }
  }
}
