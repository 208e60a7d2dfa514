package gilbook.exercises.checks.ch07;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.exercises.contract.Expensive;
import gilbook.exercises.contract.UpdateInPlace;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.Eval;
import gilbook.runtime.PyException;
import gilbook.runtime.PyList;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What both "update in place" exercises must do, whatever the strategy: the right values, no
 * computation under the GIL, a short hold, room for other threads, and a list that shrinks under
 * them. Each strategy's class adds what tells it apart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class UpdateInPlaceChecks {
  static final long[] NUMBERS = {1, 2, 3, 4, 5, 6};

  /** A Python thread that needs about 0.5 ms of the GIL, after a 0.1 ms sleep. */
  static final String WORKER = "worker";

  final UpdateInPlace learner = Submission.get(UpdateInPlace.class);

  static List<Long> computed(long... numbers) {
    return LongStream.of(numbers).map(n -> n * n + 1).boxed().toList();
  }

  static void worker(PyList unused) {
    Work.sleep(Duration.ofNanos(100_000)); // lets the extension take the GIL first
    Eval.loop(10_000, i -> {});
  }

  Extension.Outcome plainRun(String what, long... numbers) {
    return Extension.on(numbers).run(what, learner::apply);
  }

  @Test
  @Order(1)
  @DisplayName("each int is replaced by Expensive.compute of it, nothing leaked")
  void replacesEachIntInPlace() {
    Extension.Outcome out = plainRun("update_in_place([1, 2, 3, 4, 5, 6])", NUMBERS);
    expect(
        out.after().equals(computed(NUMBERS)),
        "the list to be " + computed(NUMBERS) + " after update_in_place([1, 2, 3, 4, 5, 6])",
        () -> "it is " + out.after(),
        "replace item i with Expensive.compute(item i) using setItem(i, PyLong.fromLong(result)),"
            + " in the same list; don't build a new one.");
    expect(
        out.end().leaks().isEmpty(),
        "every object freed at shutdown",
        () -> "leaked: " + out.end().rootLeaks(),
        "setItem increfs the value it stores: decref the PyLong you made after storing it. A Py"
            + " from unbind() owns a reference too: drop(py) it, or intoBound(py) and close().");
  }

  @Test
  @Order(2)
  @DisplayName("Expensive.compute never runs while the GIL is held")
  void neverComputesWithTheGil() {
    Extension.Outcome out = plainRun("update_in_place([1, 2, 3, 4, 5, 6])", NUMBERS);
    long total = NUMBERS.length * Expensive.COMPUTE_COST.toNanos();
    long underGil = out.extension().cpuWithGil();
    expect(
        underGil == 0,
        "0 ms of Work.cpu with the GIL held (Expensive.compute touches no Python object)",
        () ->
            String.format(
                "%.1f of %.1f ms of Expensive.compute ran holding the GIL%s",
                underGil / 1e6,
                total / 1e6,
                underGil >= total ? ": your extension holds the GIL throughout" : ""),
        "call Expensive.compute inside py.allowThreads(() -> ...) (py.detach in PyO3 0.26), so"
            + " other Python threads can run while it crunches numbers.");
  }

  @Test
  @Order(3)
  @DisplayName("the extension thread holds the GIL for under 10% of its run")
  void holdsTheGilBriefly() {
    Extension.Outcome out = plainRun("update_in_place([1, 2, 3, 4, 5, 6])", NUMBERS);
    expect(
        out.holdFraction() < 0.10,
        "the extension holds the GIL for under 10% of its run",
        () ->
            String.format(
                "it held the GIL for %.0f%% (%.2f of %.2f ms)",
                100 * out.holdFraction(),
                out.extension().held() / 1e6,
                (out.extension().ended() - out.extension().started()) / 1e6),
        "hold the GIL only to read and write the list; release it (allowThreads/detach) for"
            + " everything else.");
  }

  @Test
  @Order(4)
  @DisplayName("another Python thread gets its work done while the extension computes")
  void anotherThreadProgresses() {
    Extension.Outcome out =
        Extension.on(NUMBERS)
            .with(WORKER, UpdateInPlaceChecks::worker)
            .run("update_in_place beside a busy Python thread", learner::apply);
    long workerEnd = out.others().get(WORKER).ended();
    long extensionEnd = out.extension().ended();
    expect(
        workerEnd < extensionEnd,
        "a Python thread needing 0.5 ms of the GIL finishes before the 6 ms extension does",
        () ->
            String.format(
                "the worker finished at %.2f ms, the extension at %.2f ms (the worker waited %.2f"
                    + " ms for the GIL)",
                workerEnd / 1e6, extensionEnd / 1e6, out.others().get(WORKER).waited() / 1e6),
        "the worker can only run while you are detached: release the GIL around"
            + " Expensive.compute with py.allowThreads (py.detach).");
  }

  @Test
  @Order(5)
  @DisplayName("survives another thread popping items while the extension is detached")
  void survivesAConcurrentShrink() {
    AtomicReference<PyException> raised = new AtomicReference<>();
    Extension.Outcome out =
        Extension.on(NUMBERS)
            .with(
                "popper",
                list -> {
                  Work.sleep(Duration.ofNanos(2_500_000)); // wakes while the extension computes
                  for (int i = 0; i < 3; i++) {
                    list.pop().decref();
                  }
                })
            .run(
                "update_in_place while another thread pops 3 items at 2.5 ms",
                (py, numbers) -> {
                  try {
                    learner.apply(py, numbers);
                  } catch (PyException e) {
                    raised.set(e);
                  }
                });
    expect(
        raised.get() == null,
        "update_in_place returns normally when the list shrinks from 6 to 3 items under it",
        () -> "it raised " + raised.get().type() + ": " + raised.get().getMessage(),
        "while you are detached the list may change. When you hold the GIL again, check"
            + " numbers.size() before getItem/setItem, and skip an index that is gone.");
    List<Long> expected = computed(Arrays.copyOf(NUMBERS, out.after().size()));
    expect(
        out.after().size() == 3 && out.after().equals(expected),
        "the 3 items still in the list are updated: " + computed(1, 2, 3),
        () -> "the list is " + out.after(),
        "update every index that still exists when you write back, and write nothing past the"
            + " end.");
  }
}
