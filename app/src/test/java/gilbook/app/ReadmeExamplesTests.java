package gilbook.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gilbook.app.cli.Context;
import gilbook.app.cli.GilbookCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every code example in README.md works as shown. A {@code java} block runs through {@code gilbook
 * run}, in a child JVM whose working folder is a fresh one (the example may write files there); a
 * {@code sh} block's {@code ./gilbook} lines are valid command lines of our CLI, and the ones that
 * neither open a window nor wait for input run against a temporary workbook; each row of the CLI
 * reference names a real command and only options it has. Each case is named by its README line.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ReadmeExamplesTests {
  private static final Path README = TempWorkbook.REAL_ROOT.resolve("README.md");
  private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([A-Za-z]*)\\s*$");

  /** Commands that run to their end without a window or an answer on standard input. */
  private static final Set<String> RUN_AS_SHOWN = Set.of("list", "progress", "hint", "check");

  /** Programs other than gilbook that README's shell blocks may use; not ours to check. */
  private static final Set<String> OTHER_PROGRAMS = Set.of("mvn");

  @RegisterExtension static final TempWorkbookExtension workbook = new TempWorkbookExtension();

  @TempDir Path dir;

  /** A fenced code block of README.md, starting at {@code line}. */
  record Example(int line, String language, String code) {
    @Override
    public String toString() {
      return "README.md line " + line + " (```" + language + ")";
    }
  }

  static List<Example> examples() {
    List<String> lines;
    try {
      lines = Files.readAllLines(README);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      StringBuilder code = new StringBuilder();
      int start = i + 1;
      for (i++; i < lines.size() && !FENCE.matcher(lines.get(i)).matches(); i++) {
        code.append(lines.get(i)).append('\n');
      }
      out.add(new Example(start, open.group(1), code.toString()));
    }
    return out;
  }

  static Stream<Example> javaExamples() {
    return examples().stream().filter(e -> Set.of("java", "jshell", "jsh").contains(e.language()));
  }

  /** Each command line of the shell blocks, as "README.md line N: command". */
  static Stream<String> shellCommands() {
    List<String> out = new ArrayList<>();
    for (Example e : examples()) {
      if (!Set.of("sh", "bash", "shell", "console").contains(e.language())) {
        continue;
      }
      List<String> lines = e.code().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String command = withoutComment(lines.get(i)).strip();
        if (!command.isEmpty()) {
          out.add("README.md line " + (e.line() + 1 + i) + ": " + command);
        }
      }
    }
    return out.stream();
  }

  /** The first cell of each row of the CLI reference that documents a command. */
  static Stream<String> referenceRows() throws IOException {
    return Files.readAllLines(README).stream()
        .filter(l -> l.startsWith("| `gilbook"))
        .map(l -> l.substring(2, l.indexOf(" |", 2)));
  }

  @Test
  void theReadmeHasExamplesOfEveryKindThisTestReads() throws IOException {
    // Guards the parsing above: a test that finds nothing would pass for any README.
    assertTrue(javaExamples().findAny().isPresent(), "no ```java block in README.md");
    assertTrue(shellCommands().findAny().isPresent(), "no ```sh block in README.md");
    assertTrue(referenceRows().count() >= 10, "the CLI reference has a row per command");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javaExamples")
  void aJavaExampleRunsCleanlyInGilbookRun(Example example) throws Exception {
    Files.writeString(dir.resolve("example.jsh"), example.code());
    ChildJvm.Result r =
        ChildJvm.start(
                dir, Main.class, List.of("-Dgilbook.root=" + workbook.root()), "run", "example.jsh")
            .finish(240);
    assertEquals(0, r.exit(), () -> example + " failed in gilbook run:\n" + r.output());
    assertFalse(r.output().contains("✗"), () -> example + " reported a problem:\n" + r.output());
    assertTrue(r.output().contains("GIL summary"), r::output);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shellCommands")
  void aShellCommandIsAValidCommandLine(String where) {
    List<String> words = words(where.substring(where.indexOf(": ") + 2));
    String program = words.get(0);
    if (OTHER_PROGRAMS.contains(program)) {
      return;
    }
    assertEquals("./gilbook", program, where + ": a program this test does not know");
    String[] args = words.subList(1, words.size()).toArray(String[]::new);
    try {
      cli().parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      fail(where + " is not a valid gilbook command line: " + e.getMessage());
    }
    if (args.length > 0 && RUN_AS_SHOWN.contains(args[0])) {
      TempWorkbook.Run r = workbook.run(args);
      assertNotEquals(2, r.exit(), () -> where + " is refused as shown:\n" + r);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceRows")
  void aReferenceRowNamesARealCommandAndOnlyItsOptions(String cell) {
    Matcher span = Pattern.compile("`gilbook([^`]*)`").matcher(cell);
    assertTrue(span.find(), cell);
    do {
      List<String> words = words(span.group(1));
      boolean sub = !words.isEmpty() && !words.get(0).startsWith("-");
      CommandLine command = sub ? cli().getSubcommands().get(words.get(0)) : cli();
      assertTrue(command != null, () -> cell + ": there is no command '" + words.get(0) + "'");
      CommandSpec spec = command.getCommandSpec();
      Matcher option = Pattern.compile("--[a-z][a-z-]*").matcher(span.group(1));
      while (option.find()) {
        String name = option.group();
        assertTrue(
            spec.findOption(name) != null,
            () -> cell + ": 'gilbook " + spec.name() + "' has no option " + name);
      }
    } while (span.find());
  }

  private static CommandLine cli() {
    Context ctx =
        new Context(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            InputStream.nullInputStream(),
            Ansi.OFF);
    return GilbookCommand.create(ctx);
  }

  /** A shell line without its trailing {@code # comment}. */
  private static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** The words of a shell line, with quotes removed, as the shell would pass them. */
  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          out.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      out.add(word.toString());
    }
    return out;
  }
}
