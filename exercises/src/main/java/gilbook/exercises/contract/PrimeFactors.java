package gilbook.exercises.contract;

import gilbook.runtime.PyDict;
import gilbook.runtime.PyList;
import gilbook.runtime.pyo3.Bound;
import gilbook.runtime.pyo3.Python;

/** Chapter 7, "Compute prime factors": a dict from each int to its unique prime factors. */
public interface PrimeFactors {
  /**
   * Called from Python with the GIL held. Returns a new reference to a new dict mapping each int of
   * {@code numbers} to a new list of its unique prime factors, ascending.
   */
  PyDict compute(Python py, Bound<PyList> numbers);
}
