package gilbook.exercises.checks.ch01;

import static gilbook.exercises.checks.ch01.RefcountFeedback.GETREFCOUNT;
import static gilbook.exercises.checks.ch01.RefcountFeedback.LEAKS;
import static gilbook.exercises.checks.ch01.RefcountFeedback.TABLE;
import static gilbook.exercises.checks.ch01.RefcountFeedback.orHint;
import static gilbook.exercises.grading.Inputs.between;

import gilbook.exercises.contract.RefcountByHand;
import gilbook.exercises.grading.Feedback;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.PyList;
import gilbook.runtime.PyObject;
import gilbook.runtime.ShutdownReport;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades "Refcounting by hand" by what the learner's {@code listAppend} and {@code listPop} do to
 * lists and counts, on inputs drawn from the seed: lists of varied sizes holding ints and strs
 * outside the interpreter's start-up objects, items with varied numbers of other owners, and
 * several trials per check. The first trial of each check is the one every mistake shows on (a list
 * of several items, an item whose only other owner is the caller or the list), so the verdict never
 * depends on the seed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefcountByHandChecks {
  static final String ID = "refcount-by-hand";
  static final int APPEND_TRIALS = 8;
  static final int POP_TRIALS = 8;
  static final int SEQUENCES = 4;
  static final int SHUTDOWN_SEQUENCES = 3;

  private final RefcountByHand learner = Submission.get(RefcountByHand.class);

  @Test
  @Order(1)
  @DisplayName("listAppend puts the item last and gives the list one reference of its own")
  void appendGivesTheListItsOwnReference() {
    SplittableRandom random = Seed.random("listAppend");
    String expected =
        "after listAppend(list, item), item is the list's last element and its ob_refcnt is one"
            + " higher: the list is one more owner, and the caller still owns its reference";
    String rule =
        "PyList_Append's row of the table in "
            + TABLE
            + " says who owns what after an append."
            + orHint(ID);
    RefcountRun.run(
        expected,
        rule,
        () -> {
          for (int t = 0; t < APPEND_TRIALS; t++) {
            boolean hardest = t == 0;
            int size = hardest ? between(random, 2, 6) : between(random, 0, 10);
            PyList list = Ch01Inputs.listOf(random, size);
            PyObject item;
            if (!hardest && size > 0 && random.nextInt(4) == 0) {
              item = list.obItem().get(random.nextInt(size)).incref(); // already in the list
            } else {
              item = Ch01Inputs.newObject(random, Ch01Inputs.value(random));
            }
            int extra = hardest ? 0 : between(random, 0, 2);
            for (int k = 0; k < extra; k++) {
              item.incref(); // other names for it
            }
            int appends = hardest ? 2 : between(random, 1, 3);
            for (int a = 0; a < appends; a++) {
              appendOnce(list, item, expected, rule);
            }
            for (int k = 0; k <= extra; k++) {
              item.decref();
            }
            list.decref();
          }
        });
  }

  private void appendOnce(PyList list, PyObject item, String expected, String rule) {
    List<PyObject> before = list.itemsView();
    Map<PyObject, Integer> counts = counts(before);
    String what = show(item);
    int was = item.refcnt();
    learner.listAppend(list, item);
    String context =
        "listAppend(list, " + what + ") on a list of " + before.size() + " items, with " + what;
    if (item.isFreed()) {
      throw Feedback.fail(
          expected,
          context
              + " at ob_refcnt "
              + was
              + ": the item was freed, though the caller still owns it",
          rule);
    }
    List<PyObject> after = list.itemsView();
    if (after.size() != before.size() + 1 || !samePrefix(before, after) || last(after) != item) {
      throw Feedback.fail(
          expected,
          context + ": the list became " + show(list) + " (" + after.size() + " items)",
          rule);
    }
    int now = item.refcnt();
    if (now != was + 1) {
      throw Feedback.fail(expected, context + ": " + change(was, now), rule);
    }
    String other = changedOther(counts, item);
    if (!other.isEmpty()) {
      throw Feedback.fail(expected, context + ": " + other, rule);
    }
  }

  @Test
  @Order(2)
  @DisplayName("listPop takes the last item and hands the list's reference to the caller")
  void popHandsTheListsReferenceToTheCaller() {
    SplittableRandom random = Seed.random("listPop");
    String expected =
        "listPop(list) removes and returns the list's last item, whose ob_refcnt stays the same:"
            + " the list's reference becomes the caller's";
    String rule =
        "list.pop() takes the last item, and the table in "
            + TABLE
            + " says where the list's reference goes."
            + orHint(ID);
    RefcountRun.run(
        expected,
        rule,
        () -> {
          for (int t = 0; t < POP_TRIALS; t++) {
            boolean hardest = t == 0;
            int size = hardest ? between(random, 3, 8) : between(random, 1, 10);
            PyList list = Ch01Inputs.listOf(random, size);
            List<PyObject> extra = new ArrayList<>();
            List<PyObject> items = list.itemsView();
            for (int i = 0; i < size; i++) {
              int k = hardest && i == size - 1 ? 0 : between(random, 0, 2);
              for (int j = 0; j < k; j++) {
                extra.add(items.get(i).incref()); // other owners besides the list
              }
            }
            int pops = hardest ? size : between(random, 1, size);
            List<PyObject> popped = new ArrayList<>();
            for (int p = 0; p < pops; p++) {
              popped.add(popOnce(list, expected, rule));
            }
            popped.forEach(PyObject::decref); // the caller's references
            extra.forEach(PyObject::decref);
            list.decref();
          }
        });
  }

  private PyObject popOnce(PyList list, String expected, String rule) {
    List<PyObject> before = list.itemsView();
    Map<PyObject, Integer> counts = counts(before);
    PyObject last = last(before);
    String what = show(last);
    int was = last.refcnt();
    PyObject got = learner.listPop(list);
    String context = "listPop on a list of " + before.size() + " items whose last is " + what;
    if (got != last) {
      int at = indexOf(before, got);
      throw Feedback.fail(
          expected,
          context
              + ": it returned "
              + (at >= 0
                  ? "the item at index " + at + " (" + show(got) + ")"
                  : got == null ? "null" : "an object that was not in the list"),
          rule);
    }
    if (last.isFreed()) {
      throw Feedback.fail(
          expected,
          context
              + " at ob_refcnt "
              + was
              + ": the item was freed, so the caller got a dangling pointer",
          rule);
    }
    List<PyObject> after = list.itemsView();
    if (after.size() != before.size() - 1 || !samePrefix(after, before)) {
      throw Feedback.fail(
          expected,
          context + ": the list became " + show(list) + " (" + after.size() + " items)",
          rule);
    }
    int now = last.refcnt();
    if (now != was) {
      throw Feedback.fail(expected, context + ": " + change(was, now), rule);
    }
    String other = changedOther(counts, last);
    if (!other.isEmpty()) {
      throw Feedback.fail(expected, context + ": " + other, rule);
    }
    return got;
  }

  @Test
  @Order(3)
  @DisplayName("sys.getrefcount agrees with CPython's rules after every append, pop and del")
  void getrefcountAgreesWithCpythonsRules() {
    SplittableRandom random = Seed.random("getrefcount");
    String expected =
        "after every step of a seeded run of appends, pops and dels on two lists,"
            + " sys.getrefcount(x) counts one per name, per popped reference held and per list slot"
            + " holding x, plus the call's own argument";
    String rule =
        "count the owners as "
            + GETREFCOUNT
            + " does, and compare with the table in "
            + TABLE
            + "."
            + orHint(ID);
    RefcountRun.run(
        expected,
        rule,
        () -> {
          for (int s = 0; s < SEQUENCES; s++) {
            new OwnerModel(learner, random).play(between(random, 12, 20), s == 0, expected, rule);
          }
        });
  }

  @Test
  @Order(4)
  @DisplayName("no leak and no dangling pointer at shutdown")
  void noLeakAndNoDanglingPointerAtShutdown() {
    SplittableRandom random = Seed.random("shutdown");
    String expected = "every object freed at shutdown, and no freed object used";
    String rule = "each reference is given back once, by its owner: " + LEAKS + "." + orHint(ID);
    for (int s = 0; s < SHUTDOWN_SEQUENCES; s++) {
      boolean hardest = s == 0;
      ShutdownReport report =
          RefcountRun.run(
              expected,
              rule,
              () -> {
                PyList list = Ch01Inputs.listOf(random, between(random, hardest ? 2 : 0, 6));
                int steps = between(random, 4, 12);
                for (int i = 0; i < steps; i++) {
                  // The first run always appends, then pops an item only the list owns.
                  boolean pop = hardest && i < 2 ? i == 1 : random.nextInt(3) == 0;
                  if (pop && list.size() > 0) {
                    learner.listPop(list).decref(); // del y
                  } else {
                    PyObject item = Ch01Inputs.newObject(random, Ch01Inputs.value(random));
                    learner.listAppend(list, item);
                    item.decref(); // the list keeps it alive
                  }
                }
                list.decref(); // frees the list and what is left in it
              });
      List<ShutdownReport.Leak> leaks = report.rootLeaks();
      if (!leaks.isEmpty()) {
        List<String> got = new ArrayList<>();
        got.add("after appends and pops whose callers let go of every reference they owned:");
        leaks.stream().limit(4).forEach(l -> got.add("leak: " + l));
        if (leaks.size() > 4) {
          got.add("and " + (leaks.size() - 4) + " more");
        }
        throw Feedback.fail(expected, RefcountFeedback.block(got), rule);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private static Map<PyObject, Integer> counts(List<PyObject> objects) {
    Map<PyObject, Integer> out = new IdentityHashMap<>();
    for (PyObject o : objects) {
      out.put(o, o.refcnt());
    }
    return out;
  }

  /** Which other object's count changed, in words; empty when none did. */
  private static String changedOther(Map<PyObject, Integer> counts, PyObject except) {
    for (Map.Entry<PyObject, Integer> e : counts.entrySet()) {
      PyObject o = e.getKey();
      if (o == except) {
        continue;
      }
      if (o.isFreed()) {
        return "another item of the list was freed";
      }
      if (o.refcnt() != e.getValue()) {
        return "the count of another item, " + show(o) + ", " + change(e.getValue(), o.refcnt());
      }
    }
    return "";
  }

  /** An object in words: its repr, or what it was if it has been freed. */
  static String show(PyObject o) {
    if (o == null) {
      return "null";
    }
    return o.isFreed() ? "a freed object" : o.repr();
  }

  static String change(int was, int now) {
    if (now == was) {
      return "its ob_refcnt stayed at " + was;
    }
    return "its ob_refcnt went from " + was + " to " + now;
  }

  private static boolean samePrefix(List<PyObject> shorter, List<PyObject> longer) {
    for (int i = 0; i < shorter.size(); i++) {
      if (shorter.get(i) != longer.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static PyObject last(List<PyObject> items) {
    return items.isEmpty() ? null : items.get(items.size() - 1);
  }

  private static int indexOf(List<PyObject> items, PyObject o) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == o) {
        return i;
      }
    }
    return -1;
  }
}
