package gilbook.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Help.Ansi;

/**
 * A throwaway copy of the workbook, and the CLI run in-process against it. Tests never touch the
 * real workbook's learner files or progress: {@link #use()} points {@code gilbook.root} at the
 * copy, and every {@link #run} makes sure it still does.
 */
public final class TempWorkbook implements AutoCloseable {
  /** The real workbook: Maven runs the app's tests in {@code app/}, so it is found upwards. */
  public static final Path REAL_ROOT = findRealRoot();

  /**
   * The exercise these tests write a learner's file for: refcount-by-hand, whose checks run the
   * learner's code (not only compare numbers). Not the first exercise: see {@link #FIRST}.
   */
  static final String REFCOUNT = "refcount-by-hand";

  static final String REFCOUNT_PATH = "exercises/01-why-the-gil/refcount_by_hand.jsh";
  static final String REFCOUNT_SOLUTION_PATH = "solutions/01-why-the-gil/refcount_by_hand.jsh";

  /** The manifest's exercises, in order; read, not copied, so reordering them stales no test. */
  public static final List<Exercise> EXERCISES = Manifest.load(REAL_ROOT).exercises();

  /** The manifest's first exercise: where a fresh workbook starts. */
  public static final Exercise FIRST = EXERCISES.get(0);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private String previousRoot;

  private TempWorkbook(Path root) {
    this.root = root;
  }

  /** Copies the manifest, the lessons, the exercises and the solutions into {@code dir}. */
  public static TempWorkbook copyInto(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(root.resolve("exercises"));
      Files.copy(
          REAL_ROOT.resolve("exercises/manifest.yaml"), root.resolve("exercises/manifest.yaml"));
      copyTree(REAL_ROOT.resolve("chapters"), root.resolve("chapters"));
      copyStubs(root);
      for (Path chapter : chapterFolders(REAL_ROOT.resolve("solutions"))) {
        copyTree(chapter, root.resolve("solutions").resolve(chapter.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy the workbook into " + root, e);
    }
    return new TempWorkbook(root);
  }

  /** Points {@code gilbook.root} at this copy until {@link #close()}. */
  TempWorkbook use() {
    previousRoot = System.getProperty("gilbook.root");
    System.setProperty("gilbook.root", root.toString());
    return this;
  }

  /** Restores {@code gilbook.root} as it was before {@link #use()}. */
  @Override
  public void close() {
    if (previousRoot == null) {
      System.clearProperty("gilbook.root");
    } else {
      System.setProperty("gilbook.root", previousRoot);
    }
  }

  public Path root() {
    return root;
  }

  public Path resolve(String relative) {
    return root.resolve(relative);
  }

  public Path learnerFile() {
    return root.resolve(REFCOUNT_PATH);
  }

  Path progressFile() {
    return root.resolve(".gilbook/progress.txt");
  }

  /** Where the shipped stubs live: the real learner files may have been edited. */
  static final Path STUBS = REAL_ROOT.resolve("exercises/src/main/resources/stubs");

  /** Writes every shipped stub to its learner path ({@code exercises/NN-.../NAME.jsh}). */
  private static void copyStubs(Path root) throws IOException {
    for (Path chapter : chapterFolders(STUBS)) {
      Path target = root.resolve("exercises").resolve(chapter.getFileName().toString());
      Files.createDirectories(target);
      try (var files = Files.list(chapter)) {
        for (Path stub : (Iterable<Path>) files::iterator) {
          String name = stub.getFileName().toString().replaceFirst("\\.stub$", "");
          Files.copy(stub, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The shipped stub of refcount-by-hand. */
  static byte[] shippedStub() {
    return read(STUBS.resolve("01-why-the-gil/refcount_by_hand.jsh.stub"));
  }

  /** The reference solution of refcount-by-hand, read from the real workbook. */
  public static String solution() {
    return new String(read(REAL_ROOT.resolve(REFCOUNT_SOLUTION_PATH)), StandardCharsets.UTF_8);
  }

  /** Writes the first exercise's reference solution into its learner file. */
  void solveFirst() {
    try {
      Files.writeString(
          root.resolve(FIRST.path()), Files.readString(REAL_ROOT.resolve(FIRST.solutionPath())));
    } catch (IOException e) {
      throw new UncheckedIOException("could not solve " + FIRST.id() + " in " + root, e);
    }
  }

  /** Puts the learner files back as shipped and forgets all progress, hints and backups. */
  void restore() {
    try {
      copyStubs(root);
      deleteTree(root.resolve(".gilbook"));
    } catch (IOException e) {
      throw new UncheckedIOException("could not restore " + root, e);
    }
  }

  /** What one command did. */
  record Run(int exit, String out, String err, Duration took) {
    /** Standard output parsed as JSON. */
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + e.getMessage() + "\n--- out:\n" + out, e);
      }
    }

    /** Everything, for assertion messages. */
    @Override
    public String toString() {
      return "exit "
          + exit
          + " after "
          + took.toMillis()
          + " ms\n--- out:\n"
          + out
          + "--- err:\n"
          + err;
    }
  }

  /** Runs {@code gilbook args...} in this JVM with empty standard input. */
  Run run(String... args) {
    return runWithInput("", args);
  }

  /** Runs {@code gilbook args...} in this JVM with {@code input} on standard input. */
  Run runWithInput(String input, String... args) {
    assertEquals(
        root.toString(),
        System.getProperty("gilbook.root"),
        "gilbook.root must point at the temporary workbook");
    assertEquals(root, Workbook.findRoot(), "commands must find the temporary workbook");
    assertNotEquals(REAL_ROOT, root, "tests must not run in the real workbook");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int exit =
        Main.run(
            args,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            Ansi.OFF);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Run(exit, out.toString(), err.toString(), took);
  }

  /** Waits a little for every worker JVM this test JVM started to end, then asserts they have. */
  static void assertNoWorkerIsLeftRunning() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive)
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<String> alive =
        ProcessHandle.current()
            .children()
            .filter(ProcessHandle::isAlive)
            .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
            .toList();
    assertEquals(List.of(), alive, "worker JVMs still running");
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path findRealRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("exercises/manifest.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no workbook above " + Path.of("").toAbsolutePath() + "; run the tests with Maven");
  }

  /** The chapter folders ({@code 01-why-the-gil} and so on) directly under {@code dir}. */
  private static List<Path> chapterFolders(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches("\\d\\d-.*"))
          .sorted()
          .toList();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
