package gilbook.app.engine;

import java.util.List;
import java.util.Objects;

/**
 * What Tab does to the JShell input, as the terminal jshell does it: one candidate replaces the
 * word at the caret; several extend it to their common prefix and are listed. Immutable.
 *
 * @param text the input after completion
 * @param caret where the caret goes in {@code text}
 * @param candidates the candidates to list: empty when the completion was unique or there was none
 */
public record JShellCompletion(String text, int caret, List<String> candidates) {

  public JShellCompletion {
    Objects.requireNonNull(text, "text must not be null");
    candidates = List.copyOf(candidates);
    if (caret < 0 || caret > text.length()) {
      throw new IllegalArgumentException("caret " + caret + " is outside the text " + text);
    }
  }

  /**
   * Completes {@code text} at {@code caret} from JShell's continuations, which replace the text
   * between {@code anchor} and the caret.
   */
  public static JShellCompletion of(
      String text, int caret, int anchor, List<String> continuations) {
    Objects.requireNonNull(text, "text must not be null");
    List<String> distinct = continuations.stream().distinct().toList();
    int start = Math.max(0, Math.min(anchor, caret));
    String typed = text.substring(start, caret);
    String prefix = commonPrefix(distinct);
    if (distinct.isEmpty() || (distinct.size() > 1 && prefix.length() <= typed.length())) {
      return new JShellCompletion(text, caret, distinct);
    }
    String completed = text.substring(0, start) + prefix + text.substring(caret);
    List<String> listed = distinct.size() == 1 ? List.of() : distinct;
    return new JShellCompletion(completed, start + prefix.length(), listed);
  }

  private static String commonPrefix(List<String> words) {
    if (words.isEmpty()) {
      return "";
    }
    String prefix = words.get(0);
    for (String w : words) {
      int i = 0;
      while (i < prefix.length() && i < w.length() && prefix.charAt(i) == w.charAt(i)) {
        i++;
      }
      prefix = prefix.substring(0, i);
    }
    return prefix;
  }
}
