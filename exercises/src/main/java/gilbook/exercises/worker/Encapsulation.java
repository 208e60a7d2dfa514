package gilbook.exercises.worker;

/**
 * What the worker opens of its own module, and to whom: only what the libraries it drives need, and
 * never anything to learner code.
 *
 * <p>Notes. In a worker JVM this code is the named module {@code gilbook.exercises} (see
 * module-info.java). Learner code is loaded by JShell into an unnamed module, which reaches only
 * the packages the module exports to everyone: the contracts and the harness's binding point. The
 * worker, the grading code and the checks are closed to it, to {@code setAccessible}, to {@code
 * MethodHandles.privateLookupIn}, and (since {@code jdk.unsupported} is not resolved in the worker)
 * to {@code sun.misc.Unsafe}.
 *
 * <p>JUnit instantiates check classes and calls their methods by reflection, so the checks'
 * packages are opened to JUnit's commons module, which does that reflection. JUnit's public {@code
 * ReflectionSupport} then lets learner code reach into the checks too; the checks keep nothing
 * there that decides a verdict (they judge the trace and their own seeded inputs), and the worker
 * and grading packages are opened to nobody. The manifest's records are exported (public API only,
 * nothing opened) to the class path, where Jackson binds the manifest to them in {@code verify};
 * learner code can read a manifest too, which it could anyway.
 *
 * <p>On the class path (the build's own tests, which grade in-process) there is no module to close,
 * and this does nothing.
 */
final class Encapsulation {
  /** The package of the check class a standby worker runs to warm JUnit up. */
  private static final String WARMUP = "gilbook.exercises.worker.warmup";

  private Encapsulation() {}

  /** Whether this JVM keeps gilbook's worker and grading code out of learner code's reach. */
  static boolean enforced() {
    return Encapsulation.class.getModule().isNamed();
  }

  /** Opens the checks (and the warm-up check) to JUnit, and the manifest to Jackson. */
  static void apply() {
    Module self = Encapsulation.class.getModule();
    if (!self.isNamed()) {
      return;
    }
    Module junit = org.junit.platform.commons.support.ReflectionSupport.class.getModule();
    for (String pkg : self.getPackages()) {
      if (pkg.startsWith("gilbook.exercises.checks.") || pkg.equals(WARMUP)) {
        self.addOpens(pkg, junit);
      }
    }
    // Jackson is on the class path: its module is the class path's unnamed module.
    Module classPath = ClassLoader.getSystemClassLoader().getUnnamedModule();
    self.addExports("gilbook.exercises.manifest", classPath);
  }
}
