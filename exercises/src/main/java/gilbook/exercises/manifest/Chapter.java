package gilbook.exercises.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One chapter: its lesson and its exercises, in order. Immutable.
 *
 * @param id the chapter number as two digits ({@code "01"})
 * @param title the chapter's title
 * @param lesson the lesson's markdown file, relative to the workbook root
 * @param exercises the chapter's exercises in the order a learner meets them
 */
public record Chapter(String id, String title, String lesson, List<Exercise> exercises) {

  @JsonCreator
  public Chapter(
      @JsonProperty("id") String id,
      @JsonProperty("title") String title,
      @JsonProperty("lesson") String lesson,
      @JsonProperty("exercises") List<Exercise> exercises) {
    this.id = id;
    this.title = title;
    this.lesson = lesson;
    this.exercises = exercises == null ? List.of() : List.copyOf(exercises);
  }
}
