// Chapter 7 · Compute prime factors
//
// The chapter's warm-up: Strategy 1 (copy out, compute detached, then touch Python objects
// again) applied to a dict result, with nothing written back into the list.
//
// Python calls your extension with the GIL held and a list of ints. Return a new dict that
// maps each int to a new list of its unique prime factors, ascending:
//
//   compute_prime_factors([387, 2, 75, 452, 562672865058083521])
//   -> {387: [3, 43], 2: [2], 75: [3, 5], 452: [2, 113],
//       562672865058083521: [7, 11483119695062929]}
//
// Expensive.primeFactors(n) does the arithmetic (it returns a long[], already unique and
// ascending) and takes real time: it must run with the GIL released. Hold the GIL only to
// read the ints and to build the dict. Another thread may shorten the list while you are
// detached: a number you already read may stay in the dict.
//
// Tools:
//   numbers.get(), list.size(), list.getItem(i), ((PyLong) o).asLong()
//   py.allowThreads(() -> value)         release the GIL around a computation (py.detach)
//   PyDict.empty(), PyList.ofLongs(long...), PyLong.fromLong(x)   new objects, one reference each
//   dict.setItem(key, value)             d[key] = value (increfs both: decref your own)
//                                        like PyObject_SetItem; it steals nothing, unlike
//                                        PyList_SetItem
//
// Graded, on lists of new ints each run (not the example above): the dict; a new
// reference, nothing leaked; no factoring under the GIL; the GIL held under 10% of the
// run; another Python thread runs meanwhile; a list that another thread shortens while
// you factor.
//
// Check it:  ./gilbook check compute-prime-factors      Stuck?  ./gilbook hint compute-prime-factors

import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

PyDict compute(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    PyDict result = PyDict.empty();
    // TODO: this factors while holding the GIL. Copy the ints into a long[], factor them all
    // inside py.allowThreads, and build the dict once you hold the GIL again.
    for (int i = 0; i < list.size(); i++) {
        long n = ((PyLong) list.getItem(i)).asLong();
        PyLong key = PyLong.fromLong(n);
        PyList factors = PyList.ofLongs(Expensive.primeFactors(n));
        result.setItem(key, factors);
        key.decref();
        factors.decref();
    }
    return result;
}
