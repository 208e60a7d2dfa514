package gilbook.app.gui.lesson;

import java.util.Objects;

/**
 * A CPython 3.11 {@code dis} listing in a lesson, written as a fenced block whose info string is
 * {@code dis}, optionally followed by a JSON object of run options, for example:
 *
 * <pre>
 * ```dis {"threads": 2, "args": {"N": 20000}, "globals": {"counter": 0}, "switchInterval": "1us"}
 * </pre>
 *
 * The lesson shows a link under the block; clicking it runs the listing in simulated threads and
 * shows the GIL timeline. Immutable and thread-safe.
 *
 * @param listing the listing text
 * @param options the run options as JSON text ({@code "{}"} when none were given)
 */
public record RunnableListing(String listing, String options) {
  public RunnableListing {
    Objects.requireNonNull(listing, "listing must not be null");
    Objects.requireNonNull(options, "options must not be null");
  }
}
