/**
 * The exercises, their checks, and the worker that grades learner code. In a worker JVM this is a
 * named module, so learner code (which JShell loads into an unnamed module) reaches only what is
 * exported here: the contracts it implements and the harness's binding point. The worker, the
 * grading code and the checks stay out of its reach, even by reflection. The runtime is a named
 * module beside it, and so is JUnit; the contracts name runtime types, so learner code reads the
 * runtime through this module too ({@code requires transitive}), which exports all but its
 * internals. Jackson is on the class path, which this module reads ({@code --add-reads
 * gilbook.exercises=ALL-UNNAMED}). The worker opens the checks' packages to JUnit at start-up (see
 * {@code gilbook.exercises.worker.Encapsulation}).
 *
 * <p>Elsewhere (the app, the build's tests) the jar is on the class path and this file is ignored.
 */
module gilbook.exercises {
  requires transitive gilbook.runtime;
  requires java.management;
  requires jdk.jshell;
  requires org.junit.jupiter.api;
  requires org.junit.platform.launcher;

  exports gilbook.exercises.contract;
  exports gilbook.exercises.harness;
}
