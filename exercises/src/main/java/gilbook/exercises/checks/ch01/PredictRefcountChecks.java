package gilbook.exercises.checks.ch01;

import static gilbook.exercises.checks.ch01.RefcountFeedback.orHint;

import gilbook.exercises.contract.PredictRefcount;
import gilbook.exercises.grading.Feedback;
import gilbook.exercises.grading.Submission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades "Predict getrefcount": each snippet is re-enacted in the simulation, and the learner's
 * prediction must match what it prints. A prediction exercise's answer is a fixed set of values, so
 * these checks use no seed; what they must not do is show those values. A wrong prediction is
 * named, with the rule to reread, never with the right number or a direction to move in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PredictRefcountChecks {
  static final String ID = "predict-getrefcount";
  static final int SNIPPETS = GetrefcountSnippet.ALL.size();

  private final long[] predictions = Submission.get(PredictRefcount.class).predictions();

  @Test
  @Order(1)
  @DisplayName("predictions() gives one number per snippet")
  void oneNumberPerSnippet() {
    requireShape();
  }

  private void requireShape() {
    Feedback.expect(
        predictions != null && predictions.length == SNIPPETS,
        "predictions() returns " + SNIPPETS + " numbers, one per snippet, in order",
        () -> predictions == null ? "it returned null" : "it returned " + predictions.length,
        "keep the array of the file as shipped, one entry per snippet." + orHint(ID));
  }

  private void grade(int number) {
    Feedback.expect(
        predictions != null && predictions.length == SNIPPETS,
        "one prediction per snippet",
        () -> "predictions() did not give one number per snippet (see the first check)",
        "keep the array of the file as shipped, one entry per snippet." + orHint(ID));
    GetrefcountSnippet snippet = GetrefcountSnippet.ALL.get(number - 1);
    long[] printed = new long[1];
    RefcountRun.run(
        "snippet " + number + " to run",
        "this is the grader's fault, not yours: report it.",
        () -> printed[0] = snippet.simulate().getAsLong());
    long guess = predictions[number - 1];
    Feedback.expect(
        guess == printed[0],
        "your prediction for snippet " + number + " (" + snippet.code() + ") is what it prints",
        () -> "it is not: you predicted " + guess,
        "reread " + snippet.section() + ": " + snippet.rule() + orHint(ID));
  }

  @Test
  @Order(2)
  @DisplayName("snippet 1: a = [\"A\", \"B\"]; sys.getrefcount(a)")
  void snippet1() {
    grade(1);
  }

  @Test
  @Order(3)
  @DisplayName("snippet 2: a = [\"A\", \"B\"]; b = a; sys.getrefcount(a)")
  void snippet2() {
    grade(2);
  }

  @Test
  @Order(4)
  @DisplayName("snippet 3: a = [\"A\", \"B\"]; pair = [a, a]; sys.getrefcount(a)")
  void snippet3() {
    grade(3);
  }

  @Test
  @Order(5)
  @DisplayName("snippet 4: a = [\"A\", \"B\"]; b = a; del b; sys.getrefcount(a)")
  void snippet4() {
    grade(4);
  }

  @Test
  @Order(6)
  @DisplayName("snippet 5: sys.getrefcount([\"A\", \"B\"])")
  void snippet5() {
    grade(5);
  }

  @Test
  @Order(7)
  @DisplayName(
      "snippet 6: a = [\"A\"]; d = {\"k\": a, \"j\": a}; d[\"k\"] = None; sys.getrefcount(a)")
  void snippet6() {
    grade(6);
  }
}
