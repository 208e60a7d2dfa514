package gilbook.exercises.worker;

import gilbook.exercises.grading.CheckRunner;
import gilbook.exercises.harness.JShellHarness;
import gilbook.exercises.worker.warmup.WarmupCheck;
import gilbook.runtime.Clock;
import gilbook.runtime.Eval;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyList;

/**
 * What a standby worker does while it waits for its job: it takes every slow first step once (a
 * JShell compile, a JUnit launch, a simulated run), so that grading the learner's file only pays
 * for the file itself. None of it touches the learner's code or leaves state the checks can see.
 */
final class Warmup {
  private Warmup() {}

  static void run(JShellHarness harness) {
    harness.load("int gilbook$warmup() { return 1; }\n");
    CheckRunner.run(WarmupCheck.class);
    try (Interpreter interp = Interpreter.builder().clock(Clock.virtual(0)).build()) {
      interp.run(() -> Eval.loop(1_000, i -> PyList.ofStrings("warm").decref()));
    }
  }
}
