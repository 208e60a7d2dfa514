package gilbook.app.gui.lesson;

import gilbook.app.engine.LessonBlocks;
import java.util.List;
import java.util.Objects;

/**
 * A lesson turned into one self-contained HTML page. Immutable and thread-safe.
 *
 * @param html the complete page: styles, highlight.js and the lesson, nothing fetched from outside
 * @param notices problems found while rendering (a missing image, a file that is not UTF-8, an
 *     unclosed code fence), each also shown on the page itself; empty when all is well
 * @param title the text of the first level-1 heading, or the file name when there is none
 * @param listings the runnable {@code ```dis} blocks, in page order
 * @param blocks the runnable {@code ```jshell} blocks, in page order (numbered from 1)
 */
public record RenderedLesson(
    String html,
    List<String> notices,
    String title,
    List<RunnableListing> listings,
    List<LessonBlocks.Block> blocks) {

  /** Checks the parts and copies the lists. */
  public RenderedLesson {
    Objects.requireNonNull(html, "html must not be null");
    notices = List.copyOf(Objects.requireNonNull(notices, "notices must not be null"));
    Objects.requireNonNull(title, "title must not be null");
    listings = List.copyOf(Objects.requireNonNull(listings, "listings must not be null"));
    blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks must not be null"));
  }

  /** A lesson without runnable {@code ```jshell} blocks. */
  public RenderedLesson(
      String html, List<String> notices, String title, List<RunnableListing> listings) {
    this(html, notices, title, listings, List.of());
  }

  /** A lesson without runnable listings. */
  public RenderedLesson(String html, List<String> notices, String title) {
    this(html, notices, title, List.of(), List.of());
  }
}
