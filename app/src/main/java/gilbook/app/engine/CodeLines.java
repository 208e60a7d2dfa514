package gilbook.app.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of an exercise file that a solution diff compares: its code, without the header comment
 * it opens with, and without blank lines.
 *
 * <p>Every exercise opens with a comment that states the problem; its solution opens with a short
 * one that explains the answer instead. Compared line by line, those headers are most of the diff
 * and none of the lesson, so they are left out. The header ends at the last blank line before the
 * first line of code: a comment that touches the code, such as a {@code // TODO} written just above
 * a method, belongs to the code and is compared. Comments inside the code are compared too: that is
 * where the exercise's TODOs are, and where the solution explains each one, so they show what
 * changed and why. Blank lines carry no meaning in Java and are not compared either; each line
 * keeps its number in the file, so nothing is hidden.
 */
final class CodeLines {
  private CodeLines() {}

  /** How many lines the header takes at the top of {@code file}, 0 if it has none. */
  static int headerLength(List<String> file) {
    int header = 0;
    boolean inBlockComment = false;
    for (int i = 0; i < file.size(); i++) {
      String line = file.get(i).strip();
      if (inBlockComment) {
        inBlockComment = !line.contains("*/");
      } else if (line.isEmpty()) {
        header = i + 1;
      } else if (line.startsWith("/*")) {
        int end = line.indexOf("*/", 2);
        if (end >= 0 && !line.substring(end + 2).isBlank()) {
          break; // /* ... */ followed by code on the same line
        }
        inBlockComment = end < 0;
      } else if (!line.startsWith("//")) {
        break; // the first line of code
      }
    }
    return header;
  }

  /** The lines after the header that are not blank, with their numbers in {@code file}. */
  static List<SolutionDiff.Line> of(List<String> file) {
    List<SolutionDiff.Line> code = new ArrayList<>();
    for (int i = headerLength(file); i < file.size(); i++) {
      if (!file.get(i).isBlank()) {
        code.add(new SolutionDiff.Line(i + 1, file.get(i)));
      }
    }
    return code;
  }
}
