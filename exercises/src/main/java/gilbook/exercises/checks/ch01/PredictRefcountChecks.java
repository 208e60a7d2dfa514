package gilbook.exercises.checks.ch01;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.exercises.contract.PredictRefcount;
import gilbook.exercises.grading.Scenario;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.PyDict;
import gilbook.runtime.PyList;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import gilbook.runtime.Sys;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades "Predict getrefcount": each snippet is re-enacted in the simulation, and the learner's
 * prediction must match. A Python name is modelled as a Java variable that owns one reference.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PredictRefcountChecks {
  static final int SNIPPETS = 6;
  private final long[] predictions = Submission.get(PredictRefcount.class).predictions();

  private void grade(int n, String snippet, String why, LongSupplier simulate) {
    expect(
        predictions != null && predictions.length == SNIPPETS,
        "predictions() returns " + SNIPPETS + " numbers, one per snippet",
        () -> predictions == null ? "null" : predictions.length + " numbers",
        "keep one entry per snippet, in order.");
    long[] actual = new long[1];
    Scenario.run("snippet " + n, () -> actual[0] = simulate.getAsLong());
    long guess = predictions[n - 1];
    expect(
        guess == actual[0],
        "snippet " + n + " (" + snippet + ") prints " + actual[0],
        () -> "you predicted " + guess,
        why);
  }

  @Test
  @Order(1)
  @DisplayName("snippet 1: a = [\"A\", \"B\"]; sys.getrefcount(a)")
  void snippet1() {
    grade(
        1,
        "a = [\"A\", \"B\"]",
        "one owner is the name a; the call adds its own argument reference.",
        () -> {
          PyList a = PyList.ofStrings("A", "B");
          long n = Sys.getrefcount(a);
          a.decref();
          return n;
        });
  }

  @Test
  @Order(2)
  @DisplayName("snippet 2: a = [\"A\", \"B\"]; b = a; sys.getrefcount(a)")
  void snippet2() {
    grade(
        2,
        "b = a",
        "b = a makes a second name for the same list: two owners, plus the argument.",
        () -> {
          PyList a = PyList.ofStrings("A", "B");
          PyObject b = a.incref();
          long n = Sys.getrefcount(a);
          b.decref();
          a.decref();
          return n;
        });
  }

  @Test
  @Order(3)
  @DisplayName("snippet 3: a = [\"A\", \"B\"]; pair = [a, a]; sys.getrefcount(a)")
  void snippet3() {
    grade(
        3,
        "pair = [a, a]",
        "a list holds a reference per slot, even when both slots hold the same object.",
        () -> {
          PyList a = PyList.ofStrings("A", "B");
          PyList pair = PyList.of(a, a);
          long n = Sys.getrefcount(a);
          pair.decref();
          a.decref();
          return n;
        });
  }

  @Test
  @Order(4)
  @DisplayName("snippet 4: a = [\"A\", \"B\"]; b = a; del b; sys.getrefcount(a)")
  void snippet4() {
    grade(
        4,
        "del b",
        "del removes a name, and with it one owner; the object stays alive while a remains.",
        () -> {
          PyList a = PyList.ofStrings("A", "B");
          PyObject b = a.incref();
          b.decref(); // del b
          long n = Sys.getrefcount(a);
          a.decref();
          return n;
        });
  }

  @Test
  @Order(5)
  @DisplayName("snippet 5: sys.getrefcount([\"A\", \"B\"])")
  void snippet5() {
    grade(
        5,
        "a fresh list literal",
        "a fresh literal has no name: its only reference is the call's argument.",
        () -> {
          // The new list's only reference is the one on the value stack, which is the call's
          // argument; getrefcount adds nothing on top of it.
          PyList temporary = PyList.ofStrings("A", "B");
          long n = temporary.refcnt();
          temporary.decref();
          return n;
        });
  }

  @Test
  @Order(6)
  @DisplayName(
      "snippet 6: a = [\"A\"]; d = {\"k\": a, \"j\": a}; d[\"k\"] = None; sys.getrefcount(a)")
  void snippet6() {
    grade(
        6,
        "d[\"k\"] = None",
        "a dict owns a reference to each value; replacing a value releases the old one.",
        () -> {
          PyList a = PyList.ofStrings("A");
          PyDict d = PyDict.empty();
          d.setItem("k", a);
          d.setItem("j", a);
          PyNone none = PyNone.get();
          d.setItem("k", none);
          none.decref();
          long n = Sys.getrefcount(a);
          d.decref();
          a.decref();
          return n;
        });
  }
}
