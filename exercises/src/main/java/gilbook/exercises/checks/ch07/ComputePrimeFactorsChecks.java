package gilbook.exercises.checks.ch07;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.exercises.contract.PrimeFactors;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.Eval;
import gilbook.runtime.PyDict;
import gilbook.runtime.PyException;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyObject;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades "Compute prime factors": the dict, and how little the GIL is held to build it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputePrimeFactorsChecks {
  private static final long[] NUMBERS = {387, 2, 75, 452, 562672865058083521L};
  private static final Map<Long, List<Long>> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put(387L, List.of(3L, 43L));
    EXPECTED.put(2L, List.of(2L));
    EXPECTED.put(75L, List.of(3L, 5L));
    EXPECTED.put(452L, List.of(2L, 113L));
    EXPECTED.put(562672865058083521L, List.of(7L, 11483119695062929L));
  }

  private final PrimeFactors learner = Submission.get(PrimeFactors.class);

  /** The learner's dict as plain Java, read with the GIL held; the dict is then decref'd. */
  private record Result(Map<Long, List<Long>> dict, int refcnt, PyException raised) {}

  private Result call(Extension extension, String what, Extension.Outcome[] out) {
    AtomicReference<Result> result = new AtomicReference<>();
    out[0] =
        extension.run(
            what,
            (py, numbers) -> {
              PyDict dict;
              try {
                dict = learner.compute(py, numbers);
              } catch (PyException e) {
                result.set(new Result(Map.of(), 0, e));
                return;
              }
              result.set(new Result(toJava(dict), dict == null ? 0 : dict.refcnt(), null));
              if (dict != null) {
                dict.decref();
              }
            });
    return result.get();
  }

  private static Map<Long, List<Long>> toJava(PyDict dict) {
    Map<Long, List<Long>> out = new LinkedHashMap<>();
    if (dict == null) {
      return out;
    }
    for (Map.Entry<PyObject, PyObject> e : dict.itemsView()) {
      List<Long> factors = new ArrayList<>();
      if (e.getValue() instanceof PyList list) {
        for (int i = 0; i < list.size(); i++) {
          factors.add(list.getItem(i) instanceof PyLong n ? n.asLong() : null);
        }
      }
      out.put(e.getKey() instanceof PyLong k ? k.asLong() : null, factors);
    }
    return out;
  }

  @Test
  @Order(1)
  @DisplayName("maps each int to its unique prime factors, ascending; nothing leaked")
  void mapsEachIntToItsFactors() {
    Extension.Outcome[] out = new Extension.Outcome[1];
    Result r = call(Extension.on(NUMBERS), "compute_prime_factors(" + EXPECTED.keySet() + ")", out);
    expect(
        r.raised() == null && r.dict().equals(EXPECTED),
        "the dict " + EXPECTED,
        () -> r.raised() != null ? "it raised " + r.raised().getMessage() : "got " + r.dict(),
        "key each input int (PyLong.fromLong) to a new PyList of Expensive.primeFactors(n),"
            + " in the order the factors come.");
    expect(
        r.refcnt() == 1 && out[0].end().leaks().isEmpty(),
        "a dict returned as a new reference (refcount 1), and every object freed at shutdown",
        () -> "refcount " + r.refcnt() + ", leaked: " + out[0].end().rootLeaks(),
        "setItem increfs both key and value: decref the PyLong and PyList you made once they"
            + " are stored. Return the dict without an extra incref.");
  }

  @Test
  @Order(2)
  @DisplayName("Expensive.primeFactors never runs while the GIL is held")
  void neverFactorsWithTheGil() {
    Extension.Outcome[] out = new Extension.Outcome[1];
    call(Extension.on(NUMBERS), "compute_prime_factors", out);
    long underGil = out[0].extension().cpuWithGil();
    long total = underGil + out[0].extension().ranWithoutGil();
    expect(
        underGil == 0,
        "0 ms of Work.cpu with the GIL held",
        () ->
            String.format(
                "%.2f ms of factoring ran holding the GIL%s",
                underGil / 1e6,
                underGil >= total ? ": your extension holds the GIL throughout" : ""),
        "copy the ints into a long[] while you hold the GIL, then factor them all inside"
            + " py.allowThreads(() -> ...) (py.detach in PyO3 0.26), and build the dict after.");
  }

  @Test
  @Order(3)
  @DisplayName("the extension thread holds the GIL for under 10% of its run")
  void holdsTheGilBriefly() {
    Extension.Outcome[] out = new Extension.Outcome[1];
    call(Extension.on(NUMBERS), "compute_prime_factors", out);
    double fraction = out[0].holdFraction();
    expect(
        fraction < 0.10,
        "the extension holds the GIL for under 10% of its run",
        () -> String.format("it held the GIL for %.0f%%", 100 * fraction),
        "hold the GIL only to read the ints and to build the dict; factor detached.");
  }

  @Test
  @Order(4)
  @DisplayName("another Python thread gets its work done while the extension factors")
  void anotherThreadProgresses() {
    Extension.Outcome[] out = new Extension.Outcome[1];
    call(
        Extension.on(NUMBERS)
            .with(
                "worker",
                list -> {
                  Work.sleep(Duration.ofNanos(100_000));
                  Eval.loop(10_000, i -> {});
                }),
        "compute_prime_factors beside a busy Python thread",
        out);
    long workerEnd = out[0].others().get("worker").ended();
    long extensionEnd = out[0].extension().ended();
    expect(
        workerEnd < extensionEnd,
        "a Python thread needing 0.5 ms of the GIL finishes before the extension does",
        () ->
            String.format(
                "the worker finished at %.2f ms, the extension at %.2f ms",
                workerEnd / 1e6, extensionEnd / 1e6),
        "the worker runs only while you are detached: factor inside py.allowThreads.");
  }

  @Test
  @Order(5)
  @DisplayName("survives another thread popping items while the extension is detached")
  void survivesAConcurrentShrink() {
    Extension.Outcome[] out = new Extension.Outcome[1];
    Result r =
        call(
            Extension.on(NUMBERS)
                .with(
                    "popper",
                    list -> {
                      Work.sleep(Duration.ofNanos(300_000)); // while the extension factors
                      list.pop().decref();
                      list.pop().decref();
                    }),
            "compute_prime_factors while another thread pops 2 items at 0.3 ms",
            out);
    expect(
        r.raised() == null,
        "compute_prime_factors returns a dict when the list shrinks under it",
        () -> "it raised " + r.raised().type() + ": " + r.raised().getMessage(),
        "the list may change while you are detached: read what you need before detaching, or"
            + " check numbers.size() when you hold the GIL again.");
    boolean right =
        r.dict().entrySet().stream().allMatch(e -> e.getValue().equals(EXPECTED.get(e.getKey())))
            && r.dict().keySet().containsAll(List.of(387L, 2L, 75L));
    expect(
        right,
        "a dict with the right factors for every key, and keys for the 3 ints still in the list",
        () -> "got " + r.dict(),
        "factor the ints you read; a number popped later may stay in the dict, but no key may"
            + " map to wrong factors.");
  }
}
