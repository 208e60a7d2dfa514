package gilbook.exercises.checks.ch01;

import gilbook.exercises.contract.PredictRefcount;
import gilbook.exercises.grading.ExerciseScenario;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.Clock;
import gilbook.runtime.Interpreter;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * What Run shows for "Predict getrefcount": the snippets run in one interpreter (so Run can show
 * its timeline), next to the learner's predictions. It prints only the predictions, never what the
 * snippets print: that is what Check compares, and showing it here would give the answers away.
 */
public final class PredictRefcountScenario implements ExerciseScenario {
  public PredictRefcountScenario() {}

  @Override
  public void run(PrintStream out) {
    long[] predictions;
    try {
      predictions = Submission.get(PredictRefcount.class).predictions();
    } catch (RuntimeException e) {
      out.println("predictions() raised " + RefcountFeedback.raised(e));
      predictions = null;
    }
    try (Interpreter interp =
        Interpreter.builder()
            .clock(Clock.virtual(ExerciseScenario.RUN_SEED))
            .stderr(new PrintStream(OutputStream.nullOutputStream()))
            .build()) {
      interp.run(
          () ->
              GetrefcountSnippet.ALL.forEach(
                  s -> s.simulate().applyAsLong(Seed.random("snippet " + s.number()))));
    }
    out.println("Your predictions (Check compares them with what CPython 3.11 prints):");
    for (GetrefcountSnippet s : GetrefcountSnippet.ALL) {
      String guess =
          predictions != null && predictions.length >= s.number()
              ? Long.toString(predictions[s.number() - 1])
              : "(none)";
      out.println(String.format("  %d) %-32s you predict %s", s.number(), s.topic(), guess));
    }
    if (predictions != null && predictions.length != GetrefcountSnippet.ALL.size()) {
      out.println(
          "predictions() gave "
              + predictions.length
              + " numbers for "
              + GetrefcountSnippet.ALL.size()
              + " snippets.");
    }
  }
}
