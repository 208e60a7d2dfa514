package gilbook.exercises.checks.ch01;

import gilbook.runtime.PyDict;
import gilbook.runtime.PyList;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import gilbook.runtime.Sys;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * One snippet of "Predict getrefcount", re-enacted in the simulation: a Python name is a Java
 * variable that owns one reference. The list the snippet calls {@code a} is drawn from the seed
 * (its size and items vary; its count does not), so a check re-enacts the rule, not one run of it.
 * Immutable.
 *
 * <p>Every count was measured on CPython 3.11.7 with each snippet run as its own program, at module
 * level and inside a function (the same numbers); {@code GetrefcountSnippetCpythonTests} runs the
 * {@link #lines} through python3 again.
 *
 * @param number the snippet's number in the exercise, from 1
 * @param topic what the snippet is about, in words (no numbers: Run prints it)
 * @param lines the snippet, as the exercise shows it; the last line is what is printed
 * @param section where the lesson states the rule it turns on
 * @param rule that rule, or a question that leads to it, for a wrong prediction (never its answer)
 * @param simulate runs the snippet on objects drawn from the random and returns what its last line
 *     prints; call it on a Python thread that holds the GIL
 */
record GetrefcountSnippet(
    int number,
    String topic,
    List<String> lines,
    String section,
    String rule,
    ToLongFunction<SplittableRandom> simulate) {
  static final String COUNTING = RefcountFeedback.GETREFCOUNT;

  /** The list the snippets start from, as they show it; the checks draw its contents. */
  static final String A = "a = [1000, 2000]";

  static final String F = "def f(p):";
  static final String F_BODY = "    return sys.getrefcount(p)";

  /** The snippets, in the exercise's order: easy first, then the owners the table leaves out. */
  static final List<GetrefcountSnippet> ALL =
      List.of(
          new GetrefcountSnippet(
              1,
              "a name",
              List.of(A, "sys.getrefcount(a)"),
              COUNTING,
              "what does passing a to the call add?",
              random -> {
                PyList a = subject(random);
                long n = Sys.getrefcount(a);
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              2,
              "a tuple",
              List.of(A, "t = (a, a, a)", "sys.getrefcount(a)"),
              COUNTING,
              "a tuple owns a reference per slot, even when its slots hold the same object.",
              random -> {
                PyList a = subject(random);
                PyList t = tuple(a, a, a);
                long n = Sys.getrefcount(a);
                t.decref();
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              3,
              "an element of a list",
              List.of(A, "L = [a, a]", "sys.getrefcount(L[1])"),
              COUNTING,
              "who owns the object L[1] names, and what does reading it hand to the call?",
              random -> {
                PyList a = subject(random);
                PyList l = PyList.of(a, a);
                long n = getrefcountOfNew(l.getItem(1).incref()); // BINARY_SUBSCR: a new reference
                l.decref();
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              4,
              "a tuple that dies",
              List.of(A, "t = (a, a)", "del t", "sys.getrefcount(a)"),
              RefcountFeedback.TABLE,
              "when a container is freed, what happens to the references it owned?",
              random -> {
                PyList a = subject(random);
                PyList t = tuple(a, a);
                t.decref(); // del t: its last owner, so it is freed and lets go of both slots
                long n = Sys.getrefcount(a);
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              5,
              "attributes",
              List.of(
                  "class C: pass",
                  A,
                  "o = C()",
                  "o.x = a",
                  "o.y = a",
                  "o.x = None",
                  "sys.getrefcount(a)"),
              COUNTING,
              "an instance owns a reference per attribute, and giving an attribute another"
                  + " value lets go of the old one.",
              random -> {
                PyList a = subject(random);
                PyDict o = PyDict.empty(); // the instance's attribute storage
                o.setItem("x", a);
                o.setItem("y", a);
                PyNone none = PyNone.get();
                o.setItem("x", none);
                none.decref();
                long n = Sys.getrefcount(a);
                o.decref();
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              6,
              "a dict value read into a list",
              List.of(A, "d = {\"k\": a}", "L = [d[\"k\"], a]", "sys.getrefcount(a)"),
              COUNTING,
              "count the dict's value and every list slot; does reading d[\"k\"] leave an owner"
                  + " behind once the list is built?",
              random -> {
                PyList a = subject(random);
                PyDict d = PyDict.empty();
                d.setItem("k", a);
                PyList l = PyList.of(d.getItem("k"), a);
                long n = Sys.getrefcount(a);
                l.decref();
                d.decref();
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              7,
              "a function's parameter",
              List.of(F, F_BODY, A, "f(a)"),
              COUNTING,
              "a call hands the reference it pushed to the parameter: who owns the list while f"
                  + " runs?",
              random -> {
                PyList a = subject(random);
                long n = call(a.incref(), p -> Sys.getrefcount(p));
                a.decref();
                return n;
              }),
          new GetrefcountSnippet(
              8,
              "a literal passed to a function",
              List.of(F, F_BODY, "f([1000, 2000])"),
              COUNTING,
              "the literal has no name: once the call has begun, what owns it?",
              random -> call(subject(random), p -> Sys.getrefcount(p))),
          new GetrefcountSnippet(
              9,
              "everything at once",
              List.of("class C: pass", F, F_BODY, A, "o = C()", "o.x = (a, a)", "f(o.x[0])"),
              COUNTING,
              "who owns the list while getrefcount runs, and what does reading o.x[0] hand to"
                  + " f?",
              random -> {
                PyList a = subject(random);
                PyDict o = PyDict.empty(); // the instance's attribute storage
                PyList t = tuple(a, a);
                o.setItem("x", t);
                t.decref(); // the new tuple's reference: o.x now owns it
                PyList x = (PyList) o.getItem("x");
                long n = call(x.getItem(0).incref(), p -> Sys.getrefcount(p));
                o.decref();
                a.decref();
                return n;
              }));

  /** The list {@code a}: new, owned by its name, with one to three items drawn from the seed. */
  private static PyList subject(SplittableRandom random) {
    return Ch01Inputs.listOf(random, 1 + random.nextInt(3));
  }

  /**
   * A tuple of {@code items}. The simulation has no tuple type; a list stands in, since a tuple
   * owns one reference per slot and gives them all back when it is freed, just as a list does.
   */
  private static PyList tuple(PyObject... items) {
    return PyList.of(items);
  }

  /**
   * {@code sys.getrefcount(expr)} where {@code expr} pushed a new reference (a subscript, a
   * literal): that reference is the call's argument, so getrefcount adds nothing on top of it.
   */
  private static long getrefcountOfNew(PyObject argument) {
    long n = argument.refcnt();
    argument.decref();
    return n;
  }

  /**
   * A call of a Python function with one parameter. On 3.11 the caller pushes a new reference to
   * the argument and the call consumes it ({@code _PyEvalFramePushAndInit}): it becomes the frame's
   * parameter, which lets go when the function returns.
   *
   * @param pushed the reference the caller pushed: this method takes it over
   */
  private static long call(PyObject pushed, ToLongFunction<PyObject> body) {
    try {
      return body.applyAsLong(pushed);
    } finally {
      pushed.decref(); // the frame is cleared: the parameter lets go
    }
  }
}
