package gilbook.app.engine;

import gilbook.exercises.harness.JShellHarness;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * An interactive JShell with the runtime on the class path and its imports preloaded: what backs
 * the window's JShell console. Snippets run in JShell's own execution JVM (its default, remote
 * engine), so nothing typed can end or hang gilbook, and {@link #stop()} interrupts a runaway
 * snippet.
 *
 * <p>Everything a learner should see goes to one transcript, in the order it happened: what a
 * snippet prints on {@code System.out} and {@code System.err}, then what the terminal jshell would
 * report ({@code $1 ==> 2}, {@code | created method f()}, errors). The order holds because JShell
 * forwards the execution JVM's output on the same connection as the snippet's result, ahead of it,
 * and writes it out before {@code eval} returns. Without {@code out} and {@code err} of its own, a
 * JShell prints to the terminal that started the window, where no one looks; and reads that
 * terminal's input, so a snippet reading {@code System.in} here sees end of input instead.
 *
 * <p>Thread-safety: JShell is not thread-safe, so {@link #evaluate} and {@link #complete} must be
 * called from one thread at a time; {@link #stop()} and {@link #close()} may be called from any
 * thread. The transcript consumer is called one call at a time, from that thread or from JShell's
 * output thread (a thread the snippet started may print after its snippet is done).
 */
public final class JShellSession implements AutoCloseable {
  private final Consumer<String> transcript;
  private final JShell jshell;
  private volatile boolean ended;

  private JShellSession(Consumer<String> transcript) {
    this.transcript = transcript;
    PrintStream out = new PrintStream(new Utf8TextStream(this::show), true, StandardCharsets.UTF_8);
    try {
      jshell =
          JShell.builder()
              .in(InputStream.nullInputStream())
              .out(out)
              .err(out)
              // The execution JVM's System.out encodes with its default charset: make it ours.
              .remoteVMOptions("-Dfile.encoding=UTF-8")
              .build();
    } catch (IllegalStateException e) {
      throw new EngineException(
          "jshell could not start its execution JVM ("
              + e.getMessage()
              + "). './gilbook jshell' in a terminal may say more.",
          e);
    }
    jshell.onShutdown(js -> ended = true);
    jshell.addToClasspath(System.getProperty("java.class.path"));
    for (String imp : JShellHarness.IMPORTS) {
      for (SnippetEvent e : jshell.eval(imp)) {
        if (e.status() == Snippet.Status.REJECTED) {
          jshell.close();
          throw new EngineException(
              "the gilbook runtime is not on jshell's class path: '"
                  + imp
                  + "' was rejected. Rebuild with ./gilbook, which puts it there.");
        }
      }
    }
  }

  /**
   * Starts a JShell, which takes a second or more: call it off the FX thread.
   *
   * @param transcript receives the text to show, in order (see the class comment)
   * @throws EngineException if JShell cannot start or cannot see the runtime
   */
  public static JShellSession start(Consumer<String> transcript) {
    return new JShellSession(Objects.requireNonNull(transcript, "transcript must not be null"));
  }

  /**
   * Evaluates what the learner typed, snippet by snippet ({@code int x = 1; x + 1} is two), showing
   * each snippet's output and then its result. Blocks until the last snippet is done or stopped.
   *
   * @throws EngineException if the execution JVM has ended (see {@link #hasEnded()})
   */
  public void evaluate(String code) {
    Objects.requireNonNull(code, "code must not be null");
    SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
    String rest = code;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      boolean complete = info.completeness().isComplete();
      // An incomplete snippet is evaluated as it is, so that the learner sees the compiler's
      // message instead of nothing.
      String snippet = complete ? info.source() : rest;
      String remaining = complete ? info.remaining() : "";
      if (remaining.equals(rest)) {
        break; // nothing more JShell can take from it
      }
      rest = remaining;
      for (SnippetEvent event : eval(snippet)) {
        show(SnippetFeedback.describe(jshell, event));
      }
    }
  }

  private List<SnippetEvent> eval(String snippet) {
    try {
      return jshell.eval(snippet);
    } catch (IllegalStateException e) {
      ended = true;
      throw new EngineException("the jshell has ended; start a new one to go on.", e);
    }
  }

  /** Completes {@code text} at {@code caret}, as Tab in the terminal jshell does. */
  public JShellCompletion complete(String text, int caret) {
    Objects.requireNonNull(text, "text must not be null");
    if (caret < 0 || caret > text.length()) {
      throw new IllegalArgumentException("caret " + caret + " is outside the text " + text);
    }
    int[] anchor = new int[1];
    List<String> continuations =
        jshell.sourceCodeAnalysis().completionSuggestions(text, caret, anchor).stream()
            .map(SourceCodeAnalysis.Suggestion::continuation)
            .toList();
    return JShellCompletion.of(text, caret, anchor[0], continuations);
  }

  /**
   * Whether the execution JVM has ended (a snippet called {@code System.exit}, or it crashed):
   * every definition is gone, and only a new session can go on.
   */
  public boolean hasEnded() {
    return ended;
  }

  /** Stops the snippet running now, if any. Any thread. */
  public void stop() {
    jshell.stop();
  }

  /** Ends JShell and its execution JVM. Any thread. */
  @Override
  public void close() {
    jshell.close();
  }

  private synchronized void show(String text) {
    if (!text.isEmpty()) {
      transcript.accept(text);
    }
  }
}
