package gilbook.exercises.checks.ch07;

import gilbook.exercises.contract.UpdateInPlace;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What Run shows for both "update in place" exercises: the learner's function called once on a list
 * of eight ints, beside a busy Python thread, while another thread removes the last two items in
 * the middle of the work. One interpreter; nothing is graded. Not thread-safe.
 */
public final class UpdateInPlaceScenario implements ExerciseScenario {
  private static final int SIZE = 8;

  public UpdateInPlaceScenario() {}

  @Override
  public void run(PrintStream out) {
    SplittableRandom random = Seed.random("ch07 update-in-place: run");
    long[] numbers = Ch07Inputs.ints(random, SIZE);
    Busy busy = Busy.draw(random);
    Shrink shrink = new Shrink(SIZE, 4, 2, 500_000);
    out.println("numbers = " + Arrays.toString(numbers));
    out.println(
        "Python calls update_in_place(numbers) on thread '"
            + Extension.THREAD
            + "'. Beside it, thread '"
            + Busy.THREAD
            + "' is "
            + busy.describe()
            + ", and thread '"
            + Shrink.THREAD
            + "' waits until Expensive.compute has run "
            + shrink.during()
            + " times, then removes the last "
            + shrink.count()
            + " items.");
    try {
      UpdateInPlace learner = Submission.get(UpdateInPlace.class);
      Extension.Outcome o =
          Extension.on(numbers)
              .with(Busy.THREAD, busy::apply)
              .with(Shrink.THREAD, shrink::apply)
              .run("update_in_place", learner::apply);
      if (o.raised() != null) {
        out.println("update_in_place raised " + Raised.describe(o.raised()));
      } else {
        out.println("update_in_place returned.");
      }
      out.println("numbers is now " + o.after());
      RunReport.print(out, o, "Expensive.compute");
    } catch (RuntimeException | AssertionError e) {
      RunReport.stopped(out, e);
    }
  }
}
