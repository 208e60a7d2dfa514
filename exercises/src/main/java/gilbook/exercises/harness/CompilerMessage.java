package gilbook.exercises.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes one line of a javac diagnostic as JShell gives it. The first line alone says "cannot find
 * symbol" without naming the symbol, which javac puts on the lines below:
 *
 * <pre>
 * cannot find symbol
 *   symbol:   variable Path
 *   location: class
 * </pre>
 *
 * becomes {@code cannot find symbol: variable Path}. The {@code required}, {@code found} and {@code
 * reason} lines of a wrong call are kept too. The location is dropped when it names only JShell's
 * wrapper class, which the learner never wrote.
 */
final class CompilerMessage {
  private CompilerMessage() {}

  static String concise(String javac) {
    String[] lines = javac.split("\r?\n");
    // JShell's wrapper class has no name in messages: "method f in class  cannot be applied".
    String first = lines[0].replace(" in class  ", " ").strip().replaceAll(";$", "");
    String symbol = null;
    List<String> details = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip().replaceAll("\\s+", " ");
      int colon = line.indexOf(": ");
      String key = colon < 0 ? "" : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 2).strip();
      switch (key) {
        case "symbol" -> symbol = value;
        case "location" -> {
          if (!value.isEmpty() && !value.equals("class") && !value.contains("$JShell$")) {
            details.add("in " + value);
          }
        }
        case "required", "found", "reason" -> details.add(line);
        default -> {
          // the candidates javac lists under "no suitable method": too long for one line
        }
      }
    }
    StringBuilder out = new StringBuilder(first);
    if (symbol != null) {
      out.append(": ").append(symbol);
    }
    for (String d : details) {
      out.append(d.startsWith("in ") ? " " : "; ").append(d);
    }
    return out.toString();
  }
}
