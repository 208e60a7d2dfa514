/**
 * The GIL simulation. Every package is API except {@code gilbook.runtime.internal}, the machinery
 * behind the clocks and Python threads, which this module keeps to itself: code outside it cannot
 * compile against those classes when the runtime is a named module (the exercises module requires
 * it), nor reach them at run time in a grading worker, where the runtime is on the module path.
 * Nothing is opened: reflection reaches only the exported public API. See the module's README.
 *
 * <p>On the class path (the app, the benchmarks, the build's own tests) this file is ignored.
 */
module gilbook.runtime {
  exports gilbook.runtime;
  exports gilbook.runtime.bytecode;
  exports gilbook.runtime.explorer;
  exports gilbook.runtime.pyo3;
  exports gilbook.runtime.pythonnet;
  exports gilbook.runtime.threading;
}
