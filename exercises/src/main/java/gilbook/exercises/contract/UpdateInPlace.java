package gilbook.exercises.contract;

import gilbook.runtime.PyList;
import gilbook.runtime.pyo3.Bound;
import gilbook.runtime.pyo3.Python;

/**
 * Chapter 7, "Update in place" (both strategies): PyO3's {@code update_in_place}, replacing each
 * int of {@code numbers} with {@link Expensive#compute} of it while holding the GIL as little as
 * possible.
 */
public interface UpdateInPlace {
  /** Called from Python with the GIL held; {@code numbers} is a list of ints. */
  void apply(Python py, Bound<PyList> numbers);
}
