package gilbook.app.gui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's JShell as a learner uses it, with real keys: output in the console, completion at
 * the caret, and keys that stay in the input. The console sits above a toolbar whose Run is the
 * default button and whose Hint follows it in focus order, beside a Ctrl+Enter shortcut, as in the
 * window: a key that leaked would fire one of them.
 */
@ExtendWith(ApplicationExtension.class)
class JShellConsoleTests {
  // Bounds that only catch a hang: a busy machine may be slow, never wrong.
  private static final long WAIT_SECONDS = 180;

  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicInteger hints = new AtomicInteger();
  private final AtomicInteger shortcuts = new AtomicInteger();
  private JShellConsole console;

  @Start
  void start(Stage stage) {
    console = new JShellConsole();
    Button run = new Button("Run");
    run.setDefaultButton(true);
    run.setOnAction(e -> runs.incrementAndGet());
    Button hint = new Button("Hint");
    hint.setOnAction(e -> hints.incrementAndGet());
    Scene scene = new Scene(new VBox(console, new ToolBar(run, hint)), 640, 360);
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
            shortcuts::incrementAndGet);
    stage.setScene(scene);
    stage.show();
    console.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    WaitForAsyncUtils.asyncFx(console::dispose).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void whatASnippetPrintsAppearsInOrderWithItsResult(FxRobot robot) throws Exception {
    enter(robot, "System.out.println(\"hello\"); System.err.println(\"careful\"); 6 * 7");
    waitFor("the result", () -> console.transcript().contains("==> 42"));
    assertTrue(
        console
            .transcript()
            .contains(
                "jshell> System.out.println(\"hello\"); System.err.println(\"careful\"); 6 * 7\n"
                    + "hello\n"
                    + "careful\n"
                    + "$1 ==> 42\n"),
        console::transcript);
  }

  @Test
  void aStatementShowsOnlyWhatItPrinted(FxRobot robot) throws Exception {
    enter(robot, "System.out.println(\"héllo → 🐍\")");
    enter(robot, "1 + 1");
    waitFor("the second result", () -> console.transcript().contains("==> 2"));
    assertTrue(
        console.transcript().contains("héllo → 🐍\njshell> 1 + 1\n$1 ==> 2\n"),
        console::transcript);
    assertTrue(!console.transcript().contains("==> \n"), console::transcript);
  }

  @Test
  void tabCompletesTheWordAtTheCaret(FxRobot robot) throws Exception {
    focusInput(robot);
    robot.write("var n = PyLo");
    robot.type(KeyCode.TAB);
    waitFor("the completion", () -> console.input().getText().equals("var n = PyLong"));
    assertEquals(
        "var n = PyLong".length(),
        WaitForAsyncUtils.asyncFx(() -> console.input().getCaretPosition())
            .get(WAIT_SECONDS, TimeUnit.SECONDS));
  }

  @Test
  void severalMatchesCompleteTheirCommonPrefixAndAreListed(FxRobot robot) throws Exception {
    enter(robot, "int counterA = 1, counterB = 2;");
    waitFor("the variables", () -> console.transcript().contains("counterB ==> 2"));
    robot.write("coun");
    robot.type(KeyCode.TAB);
    waitFor("the common prefix", () -> console.input().getText().equals("counter"));
    waitFor("the list", () -> console.transcript().contains("counterA  counterB\n"));
  }

  @Test
  void tabAndEnterStayInTheInputAndFireNoToolbarButton(FxRobot robot) throws Exception {
    focusInput(robot);
    robot.write("Interpreter.builder().build().switchInter");
    robot.type(KeyCode.TAB);
    waitFor(
        "the completion",
        () -> console.input().getText().equals("Interpreter.builder().build().switchInterval()"));
    robot.type(KeyCode.ENTER);
    waitFor("the value", () -> console.transcript().contains("==> PT0.005S"));
    robot.write("1 + 1");
    robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
    waitFor("the second value", () -> console.transcript().contains("==> 2"));

    assertSame(
        console.input(),
        WaitForAsyncUtils.asyncFx(() -> console.getScene().getFocusOwner())
            .get(WAIT_SECONDS, TimeUnit.SECONDS),
        "the focus stays in the input");
    assertEquals(0, runs.get(), "Run (the default button) fired");
    assertEquals(0, hints.get(), "Hint fired");
    assertEquals(0, shortcuts.get(), "the Ctrl+Enter shortcut fired");
  }

  @Test
  void systemExitEndsOnlyTheJShellAndAFreshOneTakesOver(FxRobot robot) throws Exception {
    enter(robot, "System.exit(3)");
    waitFor("a fresh jshell", () -> console.transcript().contains("Starting a fresh one"));
    enter(robot, "1 + 1");
    waitFor("the value", () -> console.transcript().contains("==> 2"));
  }

  private void focusInput(FxRobot robot) throws Exception {
    waitFor("jshell", () -> !console.input().isDisabled());
    robot.clickOn(console.input());
  }

  /** Types a line into the input and presses Enter, as a learner does. */
  private void enter(FxRobot robot, String code) throws Exception {
    focusInput(robot);
    robot.write(code);
    waitFor("the typed text", () -> console.input().getText().equals(code));
    robot.type(KeyCode.ENTER);
    waitFor("the echo", () -> console.transcript().contains("jshell> " + code + "\n"));
  }

  private void waitFor(String what, Callable<Boolean> condition) throws Exception {
    try {
      // Read the console on the FX thread, where it is changed.
      WaitForAsyncUtils.waitFor(
          WAIT_SECONDS,
          TimeUnit.SECONDS,
          () -> WaitForAsyncUtils.asyncFx(condition).get(WAIT_SECONDS, TimeUnit.SECONDS));
    } catch (TimeoutException e) {
      String state =
          WaitForAsyncUtils.asyncFx(
                  () -> "input: " + console.input().getText() + "\n" + console.transcript())
              .get(WAIT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError(
          "timed out waiting for " + what + "; the console shows:\n" + state, e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
