package gilbook.exercises.checks.ch07;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.runtime.PyLong;
import gilbook.runtime.Work;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Grades "Update in place, Strategy 2": detach once, and attach again for each element access.
 *
 * <p>"No full copy" is judged by behaviour: another thread changes the last item while the
 * extension works on the first. An extension that reads each item when it reaches it computes with
 * the new value; one that copied the list up front computes with the old one.
 */
class UpdateInPlaceReattachChecks extends UpdateInPlaceChecks {

  @Test
  @Order(10)
  @DisplayName("reads each item when it reaches it (no full copy)")
  void readsEachItemWhenItReachesIt() {
    Extension.Outcome out =
        Extension.on(NUMBERS)
            .with(
                "changer",
                list -> {
                  Work.sleep(Duration.ofNanos(500_000)); // while item 0 is being computed
                  PyLong hundred = PyLong.fromLong(100);
                  list.setItem(list.size() - 1, hundred);
                  hundred.decref();
                })
            .run(
                "update_in_place while another thread sets numbers[-1] = 100 at 0.5 ms",
                learner::apply);
    long last = out.after().isEmpty() ? Long.MIN_VALUE : out.after().get(out.after().size() - 1);
    expect(
        last == 100 * 100 + 1,
        "numbers[-1] is 10001: it was 100 by the time the extension reached it",
        () ->
            "numbers[-1] is "
                + last
                + (last == 6 * 6 + 1
                    ? ", computed from the value it had when the extension started: the list was"
                        + " copied up front"
                    : last == 100
                        ? ", the extension wrote before the change, holding the GIL"
                        : ""),
        "Strategy 2 keeps no copy: for each index, attach (Python.withGil) to read that one item,"
            + " detach to compute, attach again to write it.");
  }

  @Test
  @Order(11)
  @DisplayName("takes the GIL exactly twice per element: once to read it, once to write it")
  void attachesTwicePerElement() {
    long small = plainRun("update_in_place on 3 items", 1, 2, 3).extension().acquisitions();
    long large = plainRun("update_in_place on 6 items", NUMBERS).extension().acquisitions();
    long perElement3 = large - small;
    expect(
        perElement3 == 6,
        "6 more GIL acquisitions for 6 items than for 3 (2 per element)",
        () ->
            small
                + " acquisitions for 3 items, "
                + large
                + " for 6: "
                + (perElement3 == 0 ? "none per element" : perElement3 / 3.0 + " per element"),
        perElement3 < 6
            ? "inside allowThreads, call Python.withGil once to read item i and once to write it;"
                + " compute between the two, detached."
            : "one withGil to read item i (check the size there too) and one to write it: merge"
                + " any extra attach into these two.");
  }
}
