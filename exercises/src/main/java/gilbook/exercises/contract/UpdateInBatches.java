package gilbook.exercises.contract;

import gilbook.runtime.PyList;
import gilbook.runtime.pyo3.Bound;
import gilbook.runtime.pyo3.Python;

/**
 * Chapter 7, "Update in place, in batches": replace each int of {@code numbers} with {@link
 * Batching#compute} of it, re-attaching once per batch of K items, with K chosen so that another
 * Python thread never waits longer than {@link Batching#target} for the GIL.
 */
public interface UpdateInBatches {
  /** Called from Python with the GIL held; {@code numbers} is a list of ints. */
  void apply(Python py, Bound<PyList> numbers, Batching batching);
}
