package gilbook.runtime.bytecode;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The listing text with each check point marked, for lessons and the GUI. Thread-safe. */
public final class DisView {
  /** The marker put after a check point's line. */
  public static final String MARK = "◆";

  private DisView() {}

  /**
   * {@code listing}'s text, each instruction line that can check the eval breaker under {@code
   * policy} followed by {@code ◆ check point} (or a qualified form, such as "when it jumps").
   */
  public static String annotate(Listing listing, CheckPointPolicy policy) {
    Objects.requireNonNull(listing, "listing must not be null");
    Objects.requireNonNull(policy, "policy must not be null");
    Map<Integer, String> notes = new HashMap<>();
    for (DisFunction f : listing.functions().values()) {
      for (Instruction in : f.instructions()) {
        String d = policy.describe(in);
        if (d != null) {
          notes.put(in.listingLine(), d);
        }
      }
    }
    String[] lines = listing.text().split("\r?\n", -1);
    int width = 0;
    for (String l : lines) {
      width = Math.max(width, l.stripTrailing().length());
    }
    StringBuilder sb = new StringBuilder();
    for (int n = 1; n <= lines.length; n++) {
      String l = lines[n - 1].stripTrailing();
      String note = notes.get(n);
      if (note != null) {
        sb.append(l).append(" ".repeat(width - l.length() + 2)).append(MARK).append(' ');
        sb.append(note);
      } else {
        sb.append(l);
      }
      if (n < lines.length) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
