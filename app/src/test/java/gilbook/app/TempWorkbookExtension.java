package gilbook.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TempWorkbook} for one test class: copied before its first test, with {@code
 * gilbook.root} pointing at it until its last, and put back as shipped (learner files, progress,
 * hints and backups) before every test, so no test sees another's changes. Register it as
 *
 * <pre>
 * &#64;RegisterExtension static final TempWorkbookExtension workbook = new TempWorkbookExtension();
 * </pre>
 *
 * <p>{@code @Nested} classes inherit the field and share the enclosing class's copy. Not
 * thread-safe: the tests that use it change a system property, so they run one at a time.
 */
public final class TempWorkbookExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private Path dir;
  private TempWorkbook copy;
  private Class<?> owner;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (copy != null) {
      return; // a @Nested class: the enclosing class's copy is already in use
    }
    owner = context.getRequiredTestClass();
    dir = Files.createTempDirectory("gilbook-test-workbook");
    copy = TempWorkbook.copyInto(dir.resolve("wb")).use();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    copy.restore();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (context.getRequiredTestClass() != owner) {
      return; // a @Nested class ended; the enclosing class still runs tests
    }
    copy.close();
    copy = null;
    TempWorkbook.deleteTree(dir);
  }

  /** The copy itself, for what the delegates below do not cover. */
  public TempWorkbook copy() {
    if (copy == null) {
      throw new IllegalStateException("the workbook exists only while the test class runs");
    }
    return copy;
  }

  /** A folder beside the copy, for a test's own files (listings, stray .jsh files). */
  public Path scratch(String name) {
    try {
      return Files.createDirectories(dir.resolve("scratch")).resolve(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TempWorkbook.Run run(String... args) {
    return copy().run(args);
  }

  public TempWorkbook.Run runWithInput(String input, String... args) {
    return copy().runWithInput(input, args);
  }

  public Path root() {
    return copy().root();
  }

  public Path resolve(String relative) {
    return copy().resolve(relative);
  }

  public Path learnerFile() {
    return copy().learnerFile();
  }

  Path progressFile() {
    return copy().progressFile();
  }
}
