package gilbook.exercises.checks.ch01;

import gilbook.runtime.PyDict;
import gilbook.runtime.PyList;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import gilbook.runtime.Sys;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One snippet of "Predict getrefcount", re-enacted in the simulation: a Python name is a Java
 * variable that owns one reference. Immutable.
 *
 * @param number the snippet's number in the exercise, from 1
 * @param code the snippet, as the exercise shows it
 * @param section where the lesson states the rule it turns on
 * @param rule that rule, or a question that leads to it, for a wrong prediction (never its answer)
 * @param simulate runs the snippet and returns what its last line prints; call it on a Python
 *     thread that holds the GIL
 */
record GetrefcountSnippet(
    int number, String code, String section, String rule, LongSupplier simulate) {
  static final String COUNTING = RefcountFeedback.GETREFCOUNT;
  static final String OWNERS = RefcountFeedback.TABLE;

  /** The snippets, in the exercise's order. */
  static final List<GetrefcountSnippet> ALL =
      List.of(
          new GetrefcountSnippet(
              1,
              "a = [\"A\", \"B\"]; sys.getrefcount(a)",
              COUNTING,
              "what does passing a to the call add?",
              () -> {
                PyList a = PyList.ofStrings("A", "B");
                long n = Sys.getrefcount(a);
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              2,
              "a = [\"A\", \"B\"]; b = a; sys.getrefcount(a)",
              COUNTING,
              "an assignment makes another name for the same object, and every name is an owner.",
              () -> {
                PyList a = PyList.ofStrings("A", "B");
                PyObject b = a.incref();
                long n = Sys.getrefcount(a);
                b.decref();
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              3,
              "a = [\"A\", \"B\"]; pair = [a, a]; sys.getrefcount(a)",
              OWNERS,
              "a list owns a reference per slot, even when two slots hold the same object.",
              () -> {
                PyList a = PyList.ofStrings("A", "B");
                PyList pair = PyList.of(a, a);
                long n = Sys.getrefcount(a);
                pair.decref();
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              4,
              "a = [\"A\", \"B\"]; b = a; del b; sys.getrefcount(a)",
              COUNTING,
              "del removes a name, and with it one owner.",
              () -> {
                PyList a = PyList.ofStrings("A", "B");
                PyObject b = a.incref();
                b.decref(); // del b
                long n = Sys.getrefcount(a);
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              5,
              "sys.getrefcount([\"A\", \"B\"])",
              COUNTING,
              "a literal passed straight to the call has no name: who owns it?",
              () -> {
                // The new list's only reference is the one on the value stack, which is the
                // call's argument; getrefcount adds nothing on top of it.
                PyList temporary = PyList.ofStrings("A", "B");
                long n = temporary.refcnt();
                temporary.decref();
                return n;
              }),
          new GetrefcountSnippet(
              6,
              "a = [\"A\"]; d = {\"k\": a, \"j\": a}; d[\"k\"] = None; sys.getrefcount(a)",
              OWNERS,
              "a dict owns a reference to each value, and replacing a value lets go of the old"
                  + " one.",
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
              }));
}
