package gilbook.exercises.checks.ch01;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.exercises.contract.RefcountByHand;
import gilbook.exercises.grading.Scenario;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.PyList;
import gilbook.runtime.PyObject;
import gilbook.runtime.PyUnicode;
import gilbook.runtime.ShutdownReport;
import gilbook.runtime.Sys;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Grades "Refcounting by hand" by the counts the learner's code leaves behind. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefcountByHandChecks {
  private final RefcountByHand learner = Submission.get(RefcountByHand.class);

  @Test
  @Order(1)
  @DisplayName("listAppend gives the list a reference of its own")
  void appendGivesTheListItsOwnReference() {
    int[] count = new int[1];
    Scenario.run(
        "listAppend",
        () -> {
          PyList list = PyList.empty();
          PyObject item = PyUnicode.of("spam"); // we own one reference
          learner.listAppend(list, item);
          count[0] = item.refcnt();
          list.decref();
          if (!item.isFreed()) {
            item.decref();
          }
        });
    expect(
        count[0] == 2,
        "item's ob_refcnt is 2 after listAppend(list, item): yours and the list's",
        () -> "ob_refcnt is " + count[0],
        count[0] < 2
            ? "storing a pointer in obItem() does not incref it; the list must own a reference,"
                + " so incref the item when you store it."
            : "incref once per stored pointer, and no more.");
  }

  @Test
  @Order(2)
  @DisplayName("listPop hands the list's reference to the caller")
  void popHandsTheListsReferenceToTheCaller() {
    int[] count = new int[1];
    Scenario.run(
        "listPop",
        () -> {
          PyList list = PyList.empty();
          list.obItem().add(PyUnicode.of("only the list holds me"));
          PyObject popped = learner.listPop(list);
          count[0] = popped.refcnt();
          popped.decref();
          list.decref();
        });
    expect(
        count[0] == 1,
        "the popped item's ob_refcnt is 1: the reference the list gave up is now the caller's",
        () -> "ob_refcnt is " + count[0],
        count[0] > 1
            ? "the item moves from the list to the caller; nobody gains a reference, so don't"
                + " incref."
            : "the item is not freed by leaving the list: its reference moves to the caller.");
  }

  @Test
  @Order(3)
  @DisplayName("getrefcount agrees with CPython 3.11 after appends and a pop")
  void getrefcountAgreesWithCpython() {
    long[] seen = new long[3];
    Scenario.run(
        "the append/pop sequence",
        () -> {
          PyList x = PyList.empty(); // x = object()
          PyList m = PyList.empty(); // M = []
          learner.listAppend(m, x); // M.append(x)
          learner.listAppend(m, x); // M.append(x)
          seen[0] = Sys.getrefcount(x); // 4 on CPython 3.11
          PyObject y = learner.listPop(m); // y = M.pop()
          seen[1] = Sys.getrefcount(x); // 4
          y.decref(); // del y
          seen[2] = Sys.getrefcount(x); // 3
          m.decref();
          x.decref();
        });
    long[] cpython = {4, 4, 3};
    expect(
        java.util.Arrays.equals(seen, cpython),
        "x = object(); M = [x]... CPython 3.11 prints 4 after two appends, 4 after y = M.pop(),"
            + " 3 after del y",
        () -> "your code gives " + seen[0] + ", " + seen[1] + ", " + seen[2],
        "each append adds one owner (the list); pop moves one; del drops one. getrefcount adds"
            + " its own argument.");
  }

  @Test
  @Order(4)
  @DisplayName("no leak and no dangling pointer at shutdown")
  void noLeakAndNoDanglingPointerAtShutdown() {
    ShutdownReport report =
        Scenario.run(
            "a mix of appends and pops",
            () -> {
              PyList list = PyList.empty();
              for (String s : new String[] {"a", "b", "c", "d"}) {
                PyObject item = PyUnicode.of(s);
                learner.listAppend(list, item);
                item.decref(); // the list keeps it alive
              }
              for (int i = 0; i < 2; i++) {
                learner.listPop(list).decref();
              }
              list.decref(); // frees the list and what is left in it
            });
    expect(
        report.leaks().isEmpty(),
        "every object freed by the end: nothing leaked",
        () -> report.rootLeaks().toString(),
        "a leaked item has one incref too many: check that listPop does not incref, and that"
            + " listAppend increfs once.");
  }
}
