package gilbook.exercises.checks.ch01;

import static gilbook.exercises.checks.ch01.RefcountByHandChecks.show;

import gilbook.exercises.contract.RefcountByHand;
import gilbook.exercises.grading.Feedback;
import gilbook.runtime.PyList;
import gilbook.runtime.PyObject;
import gilbook.runtime.Sys;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded run of {@code M.append(x)}, {@code y = M.pop()} and {@code del y} on two lists and four
 * objects, through the learner's code, next to a model of who owns what. After every step {@code
 * sys.getrefcount} of each object must equal the model's owners plus the call's argument, the rule
 * the lesson's table of measurements follows. Hold the GIL; one run per instance.
 */
final class OwnerModel {
  private static final int OBJECTS = 4;
  private static final int LISTS = 2;
  private static final int HISTORY = 6;

  private final RefcountByHand learner;
  private final SplittableRandom random;
  private final List<PyObject> objects = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<PyList> lists = new ArrayList<>();

  /** Per list, the indexes of the objects it holds, in order: the model's own list. */
  private final List<List<Integer>> slots = new ArrayList<>();

  /** Indexes of the objects whose popped references the caller holds ({@code y}s). */
  private final List<Integer> held = new ArrayList<>();

  private final List<String> history = new ArrayList<>();

  OwnerModel(RefcountByHand learner, SplittableRandom random) {
    this.learner = learner;
    this.random = random;
    for (int i = 0; i < OBJECTS; i++) {
      PyObject o = Ch01Inputs.newObject(random, Ch01Inputs.value(random));
      objects.add(o); // one name owns it
      names.add(show(o));
    }
    for (int j = 0; j < LISTS; j++) {
      lists.add(PyList.empty());
      slots.add(new ArrayList<>());
    }
  }

  /**
   * Plays {@code steps} seeded steps, failing with {@code expected} and {@code rule} at the first
   * wrong count. With {@code opening}, the first four steps are fixed in kind (the same object
   * appended twice to one list, a pop, a del), so that every mistake in append or pop shows in
   * every run; the objects and lists they use are still drawn from the seed.
   */
  void play(int steps, boolean opening, String expected, String rule) {
    int x = random.nextInt(OBJECTS);
    int m = random.nextInt(LISTS);
    for (int s = 0; s < steps; s++) {
      int kind = random.nextInt(10);
      int j = random.nextInt(LISTS);
      if (opening && s < 4) {
        kind = s < 2 ? 0 : s == 2 ? 5 : 8;
        j = m;
      }
      if (kind >= 8 && !held.isEmpty()) {
        int i = held.remove(random.nextInt(held.size()));
        objects.get(i).decref();
        history.add("del y (the popped " + names.get(i) + ")");
      } else if (kind >= 5 && !slots.get(j).isEmpty()) {
        pop(j, expected, rule);
      } else {
        int i = opening && s < 2 ? x : random.nextInt(OBJECTS);
        learner.listAppend(lists.get(j), objects.get(i));
        slots.get(j).add(i);
        history.add("M" + j + ".append(" + names.get(i) + ")");
      }
      compare(expected, rule);
    }
    held.forEach(i -> objects.get(i).decref());
    objects.forEach(PyObject::decref);
    lists.forEach(PyObject::decref);
  }

  private void pop(int j, String expected, String rule) {
    List<Integer> model = slots.get(j);
    int i = model.remove(model.size() - 1);
    PyObject y = learner.listPop(lists.get(j));
    history.add("y = M" + j + ".pop()");
    if (y != objects.get(i)) {
      history.add(
          "  it returned " + show(y) + ", but the last item of M" + j + " was " + names.get(i));
      throw Feedback.fail(expected, got("M" + j + ".pop() returned the wrong item"), rule);
    }
    held.add(i);
  }

  private void compare(String expected, String rule) {
    for (int i = 0; i < OBJECTS; i++) {
      PyObject o = objects.get(i);
      int owners = 1 + count(held, i) + inLists(i);
      if (o.isFreed()) {
        throw Feedback.fail(
            expected,
            got(names.get(i) + " was freed, though " + owners + " owners still hold it"),
            rule);
      }
      long seen = Sys.getrefcount(o);
      if (seen != owners + 1) {
        throw Feedback.fail(
            expected,
            got("sys.getrefcount(" + names.get(i) + ") gave " + seen + "; " + breakdown(i)),
            rule);
      }
    }
  }

  private String breakdown(int i) {
    return "its owners: 1 name, "
        + inLists(i)
        + " list slot(s), "
        + count(held, i)
        + " popped reference(s) held, plus the argument";
  }

  private String got(String what) {
    int from = Math.max(0, history.size() - HISTORY);
    List<String> lines = new ArrayList<>();
    lines.add("after these steps" + (from > 0 ? " (the last " + HISTORY + ")" : "") + ":");
    history.subList(from, history.size()).forEach(h -> lines.add("  " + h));
    lines.add(what);
    return RefcountFeedback.block(lines);
  }

  private int inLists(int i) {
    int n = 0;
    for (List<Integer> l : slots) {
      n += count(l, i);
    }
    return n;
  }

  private static int count(List<Integer> list, int i) {
    int n = 0;
    for (int x : list) {
      if (x == i) {
        n++;
      }
    }
    return n;
  }
}
