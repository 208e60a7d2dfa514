package gilbook.app.engine;

import gilbook.exercises.harness.Problem;
import gilbook.exercises.worker.WorkerResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The runnable {@code ```jshell} blocks of a lesson, and running one of them: the code of a fenced
 * block whose info string is {@code jshell} runs in a worker JVM as {@code gilbook run} runs a
 * file, with the runtime's imports preloaded. The window's Run link under a block, {@code gilbook
 * run LESSON.md --block K} and the test that runs every block of every chapter all find blocks
 * here, so they count them alike. Stateless and thread-safe.
 */
public final class LessonBlocks {
  /** The info string, or its first word, that makes a fenced block runnable. */
  public static final String INFO = "jshell";

  // As the window's LessonRenderer parses a lesson, so both find the same blocks. A commonmark
  // Parser holds no state between parses, so one serves every thread.
  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .build();

  private LessonBlocks() {}

  /**
   * One runnable block.
   *
   * @param number its place among the lesson's runnable blocks, from 1
   * @param code the block's text, as the fence holds it
   * @param firstLine the lesson's line (from 1) of the block's first line of code, or 0 when
   *     unknown
   */
  public record Block(int number, String code, int firstLine) {
    public Block {
      Objects.requireNonNull(code, "code must not be null");
      if (number < 1) {
        throw new IllegalArgumentException("number counts from 1, was " + number);
      }
    }

    /** The lesson's line that holds line {@code line} (from 1) of the code, or 0 when unknown. */
    public int lessonLine(int line) {
      return firstLine <= 0 || line <= 0 ? 0 : firstLine + line - 1;
    }

    /** How many lines of code the block has. */
    public int lineCount() {
      return (int) code.lines().count();
    }
  }

  /** Whether {@code block} is runnable: its info string is {@code jshell}, or starts with it. */
  public static boolean isRunnable(FencedCodeBlock block) {
    String info = block.getInfo() == null ? "" : block.getInfo().strip();
    return info.equals(INFO) || info.startsWith(INFO + " ") || info.startsWith(INFO + "\t");
  }

  /**
   * The runnable block {@code node}, numbered {@code number}. Its first line is known when the
   * document was parsed with source spans.
   */
  public static Block of(FencedCodeBlock node, int number) {
    List<SourceSpan> spans = node.getSourceSpans();
    // The first span is the opening fence; the code starts on the next line.
    int firstLine = spans == null || spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 2;
    return new Block(number, node.getLiteral(), firstLine);
  }

  /** The runnable blocks of {@code markdown}, in the order the lesson shows them. */
  public static List<Block> in(String markdown) {
    Objects.requireNonNull(markdown, "markdown must not be null");
    return in(PARSER.parse(markdown));
  }

  /** The runnable blocks of a parsed lesson, in document order. */
  public static List<Block> in(Node document) {
    List<Block> out = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(FencedCodeBlock block) {
            if (isRunnable(block)) {
              out.add(of(block, out.size() + 1));
            }
          }
        });
    return List.copyOf(out);
  }

  /**
   * The runnable blocks of the lesson in {@code lesson}.
   *
   * @throws EngineException if the file cannot be read as UTF-8 text
   */
  public static List<Block> read(Path lesson) {
    try {
      return in(Files.readString(lesson, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new EngineException("could not read " + lesson + ": " + e.getMessage(), e);
    }
  }

  /** "1 runnable ```jshell block", "3 runnable ```jshell blocks", "no runnable ...". */
  public static String count(int n) {
    return (n == 0 ? "no" : Integer.toString(n))
        + " runnable ```"
        + INFO
        + " block"
        + (n == 1 ? "" : "s");
  }

  /**
   * Runs {@code block} of {@code lesson} in a worker JVM, as {@link Workbook#run} runs a file: its
   * output streams to {@code echo} and the last interpreter's trace goes to {@code trace}. The
   * problems of the outcome point at the lesson's lines, so {@link RunVerdictText} with the lesson
   * as the file shows the block's line under each.
   *
   * @param trace where the trace goes, or null
   * @param echo where the output streams as it comes, or null
   */
  public static Workbook.RunOutcome run(
      Workbook workbook,
      Path lesson,
      Block block,
      Path trace,
      OutputStream echo,
      Cancellation cancellation) {
    Path file;
    try {
      file = Files.createTempFile("gilbook-block-" + block.number() + "-", ".jsh");
      Files.writeString(file, block.code(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EngineException("could not write a temporary file: " + e.getMessage(), e);
    }
    try {
      Workbook.RunOutcome o =
          workbook.run(null, file, RunLimits.SECONDS, trace, echo, cancellation);
      return new Workbook.RunOutcome(
          o.result().map(r -> inLesson(r, lesson, block)),
          o.killed(),
          o.exitCode(),
          o.output(),
          o.dropped(),
          o.limitSeconds());
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file
      }
    }
  }

  /** {@code r} with its problems moved from the block's lines to the lesson's. */
  static WorkerResult inLesson(WorkerResult r, Path lesson, Block block) {
    List<String> lessonLines = lines(lesson);
    List<String> codeLines = block.code().lines().toList();
    List<Problem> problems = new ArrayList<>();
    for (Problem p : r.problems()) {
      if (p.line() <= 0 || p.line() > codeLines.size() || block.firstLine() <= 0) {
        problems.add(new Problem(p.kind(), 0, 0, blockWords(p.message(), block)));
        continue;
      }
      int line = block.lessonLine(p.line());
      int column = p.column();
      // A block in a list or a quote is indented in the lesson: move the column with it.
      String code = codeLines.get(p.line() - 1);
      if (column > 0 && line <= lessonLines.size() && lessonLines.get(line - 1).endsWith(code)) {
        column += lessonLines.get(line - 1).length() - code.length();
      }
      problems.add(new Problem(p.kind(), line, column, p.message()));
    }
    String detail =
        r.detail().replace("the file built no interpreter", "the block built no interpreter");
    return new WorkerResult(
        r.nonce(), r.status(), problems, r.checks(), r.strayThreads(), detail, r.lines(), r.data());
  }

  /** A file problem's words about the temporary file, said of the block. */
  private static String blockWords(String message, Block block) {
    return message
        .replace("the file is empty. Check the path.", "block " + block.number() + " is empty.")
        .replace(" Check the path.", "");
  }

  private static List<String> lines(Path lesson) {
    try {
      return Files.readAllLines(lesson, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** The block numbered {@code number}, if the lesson has it. */
  public static Optional<Block> numbered(List<Block> blocks, int number) {
    return number >= 1 && number <= blocks.size()
        ? Optional.of(blocks.get(number - 1))
        : Optional.empty();
  }
}
