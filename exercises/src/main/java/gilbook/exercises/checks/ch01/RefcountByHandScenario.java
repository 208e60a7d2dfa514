package gilbook.exercises.checks.ch01;

import static gilbook.exercises.checks.ch01.RefcountByHandChecks.show;

import gilbook.exercises.contract.RefcountByHand;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.Clock;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyList;
import gilbook.runtime.PyObject;
import gilbook.runtime.ShutdownReport;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What Run shows for "Refcounting by hand": a few appends and pops from the seed, through the
 * learner's code, in one interpreter, with the list and each object's {@code ob_refcnt} after every
 * step, then the shutdown report. Judges nothing.
 */
public final class RefcountByHandScenario implements ExerciseScenario {
  public RefcountByHandScenario() {}

  @Override
  public void run(PrintStream out) {
    RefcountByHand learner = Submission.get(RefcountByHand.class);
    SplittableRandom random = Seed.random("run");
    Interpreter interp =
        Interpreter.builder()
            .clock(Clock.virtual(ExerciseScenario.RUN_SEED))
            .stderr(new PrintStream(OutputStream.nullOutputStream()))
            .build();
    boolean raised = false;
    try {
      interp.run(() -> play(learner, random, out));
    } catch (RuntimeException e) { // SimulationError, PyException, or a bug of the learner's
      out.println("  your code raised " + RefcountFeedback.raised(e));
      raised = true;
    } finally {
      interp.close();
    }
    out.println();
    if (raised) {
      out.println("The run stopped there, before the caller let go of its references.");
      return;
    }
    List<ShutdownReport.Leak> leaks = interp.shutdown().rootLeaks();
    out.println("At shutdown, after the caller let go of every reference it owned:");
    if (leaks.isEmpty()) {
      out.println("  nothing leaked");
    }
    leaks.forEach(l -> out.println("  leak: " + l));
  }

  private static void play(RefcountByHand learner, SplittableRandom random, PrintStream out) {
    PyList list = PyList.empty();
    List<PyObject> objects = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      objects.add(Ch01Inputs.newObject(random, Ch01Inputs.value(random)));
    }
    out.println("list = []; x = " + show(objects.get(0)) + "; s = " + show(objects.get(1)));
    printState(out, list, objects);
    List<PyObject> popped = new ArrayList<>();
    int steps = 3 + random.nextInt(3);
    for (int step = 0; step < steps; step++) {
      if (list.size() > 0 && step >= 2 && random.nextInt(3) == 0) {
        PyObject y = learner.listPop(list);
        out.println("listPop(list) returned " + show(y));
        popped.add(y);
      } else {
        PyObject item = objects.get(random.nextInt(objects.size()));
        out.println("listAppend(list, " + show(item) + ")");
        learner.listAppend(list, item);
      }
      printState(out, list, objects);
    }
    PyObject y = learner.listPop(list);
    out.println("listPop(list) returned " + show(y));
    popped.add(y);
    printState(out, list, objects);
    popped.forEach(PyObject::decref);
    objects.forEach(PyObject::decref);
    list.decref();
  }

  private static void printState(PrintStream out, PyList list, List<PyObject> objects) {
    StringBuilder line = new StringBuilder("    list = " + show(list) + ";  ob_refcnt:");
    for (PyObject o : objects) {
      line.append("  ").append(show(o));
      line.append(o.isFreed() ? " freed" : " " + o.refcnt());
    }
    out.println(line);
  }
}
