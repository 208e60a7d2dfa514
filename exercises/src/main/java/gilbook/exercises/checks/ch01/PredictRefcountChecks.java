package gilbook.exercises.checks.ch01;

import static gilbook.exercises.checks.ch01.RefcountFeedback.orHint;

import gilbook.exercises.contract.PredictRefcount;
import gilbook.exercises.grading.Feedback;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades "Predict getrefcount": each snippet is re-enacted in the simulation, on a list drawn from
 * the seed (its count does not depend on what it holds), and the learner's prediction must match
 * what it prints. A wrong prediction is named, with the rule to reread, never with the right number
 * or a direction to move in.
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
        () -> printed[0] = snippet.simulate().applyAsLong(Seed.random("snippet " + number)));
    long guess = predictions[number - 1];
    Feedback.expect(
        guess == printed[0],
        "your prediction for snippet " + number + " (" + snippet.topic() + ") is what it prints",
        () -> "it is not: you predicted " + guess,
        "reread " + snippet.section() + ": " + snippet.rule() + orHint(ID));
  }

  @Test
  @Order(2)
  @DisplayName("snippet 1: a name")
  void snippet1() {
    grade(1);
  }

  @Test
  @Order(3)
  @DisplayName("snippet 2: a tuple")
  void snippet2() {
    grade(2);
  }

  @Test
  @Order(4)
  @DisplayName("snippet 3: an element of a list")
  void snippet3() {
    grade(3);
  }

  @Test
  @Order(5)
  @DisplayName("snippet 4: a tuple that dies")
  void snippet4() {
    grade(4);
  }

  @Test
  @Order(6)
  @DisplayName("snippet 5: attributes")
  void snippet5() {
    grade(5);
  }

  @Test
  @Order(7)
  @DisplayName("snippet 6: a dict value read into a list")
  void snippet6() {
    grade(6);
  }

  @Test
  @Order(8)
  @DisplayName("snippet 7: a function's parameter")
  void snippet7() {
    grade(7);
  }

  @Test
  @Order(9)
  @DisplayName("snippet 8: a literal passed to a function")
  void snippet8() {
    grade(8);
  }

  @Test
  @Order(10)
  @DisplayName("snippet 9: everything at once")
  void snippet9() {
    grade(9);
  }
}
