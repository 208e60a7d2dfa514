package gilbook.exercises.harness;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Splits a learner's file into JShell snippets, feeding it line by line through {@link
 * SourceCodeAnalysis#analyzeCompletion(String)} and remembering where each snippet starts, so that
 * errors can point at the learner's own lines. {@code JShell.eval} only takes one snippet at a
 * time, which is why this is needed at all.
 */
public final class Snippets {
  private Snippets() {}

  /** The result: the snippets, and a problem if the file ends inside an unfinished one. */
  public record Split(List<Snippet> snippets, Problem unfinished) {}

  public static Split split(String text, SourceCodeAnalysis analysis) {
    List<Snippet> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    StringBuilder buffer = new StringBuilder();
    int bufferStart = 1;
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      if (buffer.length() == 0) {
        bufferStart = lineNo;
      }
      buffer.append(lines[i]).append('\n');
      boolean needMore = false;
      while (buffer.length() > 0 && !needMore) {
        CompletionInfo info = analysis.analyzeCompletion(buffer.toString());
        switch (info.completeness()) {
          case EMPTY -> buffer.setLength(0);
          case COMPLETE, COMPLETE_WITH_SEMI -> {
            out.add(new Snippet(info.source(), bufferStart));
            String consumed = buffer.substring(0, buffer.length() - info.remaining().length());
            bufferStart += count(consumed, '\n');
            buffer.setLength(0);
            if (!info.remaining().isBlank()) {
              buffer.append(info.remaining());
            }
          }
          case UNKNOWN -> {
            // Not Java that JShell understands; evaluating it gives the compiler's own message.
            out.add(new Snippet(buffer.toString(), bufferStart));
            buffer.setLength(0);
          }
          case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> needMore = true;
        }
      }
    }
    Problem unfinished = null;
    if (buffer.length() > 0 && !buffer.toString().isBlank()) {
      unfinished =
          new Problem(
              Problem.Kind.COMPILE,
              bufferStart,
              0,
              "the file ends before this statement or declaration is complete; look for a"
                  + " missing '}' or ';'");
    }
    return new Split(out, unfinished);
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
