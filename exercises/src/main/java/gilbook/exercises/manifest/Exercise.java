package gilbook.exercises.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One exercise as the manifest lists it. Immutable.
 *
 * @param id a short unique name, used on the command line ({@code gilbook check ID})
 * @param title the title shown to learners
 * @param path the learner's file, relative to the workbook root ({@code exercises/NN-.../x.jsh})
 * @param contract the fully qualified name of the contract interface the file must implement
 * @param checks the fully qualified name of the JUnit 5 class that grades it
 * @param timeLimitSeconds how long a check may take before it is stopped
 * @param hints progressive hints, from a nudge to nearly the answer
 * @param scenario the fully qualified name of the {@code ExerciseScenario} that Run shows, or
 *     {@code null} when the manifest names none
 */
public record Exercise(
    String id,
    String title,
    String path,
    String contract,
    String checks,
    int timeLimitSeconds,
    List<String> hints,
    String scenario) {

  static final String EXERCISES_DIR = "exercises/";
  static final String SOLUTIONS_DIR = "solutions/";

  @JsonCreator
  public Exercise(
      @JsonProperty("id") String id,
      @JsonProperty("title") String title,
      @JsonProperty("path") String path,
      @JsonProperty("contract") String contract,
      @JsonProperty("checks") String checks,
      @JsonProperty("timeLimitSeconds") Integer timeLimitSeconds,
      @JsonProperty("hints") List<String> hints,
      @JsonProperty("scenario") String scenario) {
    this(
        id,
        title,
        path,
        contract,
        checks,
        timeLimitSeconds == null ? 10 : timeLimitSeconds,
        hints == null ? List.of() : List.copyOf(hints),
        scenario);
  }

  /** An exercise without a scenario for Run. */
  public Exercise(
      String id,
      String title,
      String path,
      String contract,
      String checks,
      int timeLimitSeconds,
      List<String> hints) {
    this(id, title, path, contract, checks, timeLimitSeconds, hints, null);
  }

  /** Where the shipped copies of learner files live, as class-path resources. */
  public static final String STUBS = "stubs/";

  /**
   * The shipped stub, as a class-path resource. It is kept apart from the learner's file (which the
   * learner edits) so that {@code reset} and the authoring contract always see the exercise as
   * shipped: {@code exercises/src/main/resources/stubs/NN-chapter/NAME.jsh.stub}.
   */
  public String stubResource() {
    return STUBS + path.substring(EXERCISES_DIR.length()) + ".stub";
  }

  /** The reference solution: the same path under {@code solutions/}. */
  public String solutionPath() {
    return SOLUTIONS_DIR + path.substring(EXERCISES_DIR.length());
  }
}
