package gilbook.exercises.checks.ch07;

import gilbook.exercises.grading.Inputs;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.Work;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Another Python thread changing items the extension has not reached yet: while item {@code during}
 * is being computed, it stores new ints at {@code indexes} (the next item and one further on).
 * Immutable.
 *
 * @param numbers the list before the call
 * @param during how many computations finish before the change
 * @param indexes the items changed, each after {@code during}
 * @param values the new ints, one per index
 * @param offsetNanos how far into computation number {@code during} the change comes
 */
record Change(long[] numbers, int during, int[] indexes, long[] values, long offsetNanos) {
  /** Name of the thread that changes the items. */
  static final String THREAD = "changer";

  /**
   * A change in a list of {@code size >= 3} ints: during any computation but the last two, the next
   * item and a later one get new ints, none of them already in the list.
   */
  static Change draw(SplittableRandom random, int size) {
    long[] all = Ch07Inputs.ints(random, size + 2);
    int during = Inputs.between(random, 0, size - 3);
    int[] indexes = {during + 1, Inputs.between(random, during + 2, size - 1)};
    return new Change(
        Arrays.copyOf(all, size),
        during,
        indexes,
        Arrays.copyOfRange(all, size, size + 2),
        Inputs.momentNanos(random, 200_000, 700_000));
  }

  /** The thread's body: wait for the moment, then store the new ints. */
  void apply(PyList list, Progress progress) {
    progress.awaitCalls(during, Shrink.CALL_NANOS);
    Work.sleep(Duration.ofNanos(offsetNanos));
    for (int i = 0; i < indexes.length; i++) {
      if (indexes[i] < list.size()) {
        PyLong value = PyLong.fromLong(values[i]);
        list.setItem(indexes[i], value);
        value.decref();
      }
    }
  }

  /** What an extension that reads each item when it reaches it reads: the changed list. */
  List<Long> read() {
    long[] read = numbers.clone();
    for (int i = 0; i < indexes.length; i++) {
      read[indexes[i]] = values[i];
    }
    return Arrays.stream(read).boxed().toList();
  }

  /** The changed indexes, in order. */
  List<Integer> indexList() {
    List<Integer> out = new ArrayList<>();
    for (int i : indexes) {
      out.add(i);
    }
    return out;
  }

  /** For example "another thread stored new ints in items 4 and 6 while item 3 was computed". */
  String describe() {
    return "another Python thread stored new ints in "
        + ListVerdict.items(indexList())
        + " while Expensive.compute ran for item "
        + during;
  }
}
