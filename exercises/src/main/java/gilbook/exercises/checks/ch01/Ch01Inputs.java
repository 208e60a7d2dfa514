package gilbook.exercises.checks.ch01;

import gilbook.exercises.grading.Inputs;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyObject;
import gilbook.runtime.PyUnicode;
import java.util.SplittableRandom;

/**
 * Objects for chapter 1's checks, drawn from a seeded generator: ints outside the small-int cache
 * and strs longer than one character, so that none is a start-up object whose huge count would hide
 * a missing incref or decref. Hold the GIL. Stateless.
 */
final class Ch01Inputs {
  private Ch01Inputs() {}

  /** A new object (an int or a str) with one reference, the caller's. */
  static PyObject newObject(SplittableRandom random, long value) {
    return random.nextBoolean() ? PyLong.fromLong(value) : PyUnicode.of("obj" + value);
  }

  /** A new list of {@code size} new objects, each owned only by the list. */
  static PyList listOf(SplittableRandom random, int size) {
    long[] values = Inputs.distinctInts(random, size, 1_000_000);
    PyList list = PyList.empty();
    for (long v : values) {
      list.obItem().add(newObject(random, v)); // the new reference becomes the list's
    }
    return list;
  }

  /** A value for a new object, distinct from those of {@link #listOf} in practice. */
  static long value(SplittableRandom random) {
    return random.nextLong(1_000_000, 2_000_000);
  }
}
