package gilbook.exercises.checks.ch08;

import gilbook.runtime.GilListener;
import gilbook.runtime.TraceEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds the GIL, who waits for it and in which pythonnet call, and whether Main gave the GIL
 * away after {@code PythonEngine.Initialize()} and took it back: what a deadlock report needs to
 * say which case it is. Fed by the trace; the call a waiter is in is read from its own stack when
 * it asks for the GIL. Confined to the simulation's threads, which run one at a time.
 */
final class GilLog implements GilListener {
  static final String MAIN = "Main";

  private final Map<String, String> waiting = new LinkedHashMap<>();
  private String holder;
  private boolean mainReleased;
  private String mainTookBackWith;
  private final java.util.Set<String> mainTookBackWithAny = new java.util.LinkedHashSet<>();
  private final Map<String, String> shutdownFoundHolder = new LinkedHashMap<>();
  private boolean learnerStarted;

  /** From now on Main's GIL calls are the learner's, not the host's set-up. */
  synchronized void learnerStarts() {
    learnerStarted = true;
  }

  /** From now on Main's GIL calls are the host's read-back, no longer the learner's. */
  synchronized void learnerEnds() {
    learnerStarted = false;
  }

  @Override
  public synchronized void onTakeRequest(TraceEvent event) {
    String call = callerOfTake();
    waiting.put(event.thread(), call);
    if (Stall.SHUTDOWN.equals(call) && !shutdownFoundHolder.containsKey(event.thread())) {
      shutdownFoundHolder.put(event.thread(), holder == null ? "" : holder);
    }
  }

  @Override
  public synchronized void onTake(TraceEvent event) {
    String call = waiting.remove(event.thread());
    holder = event.thread();
    if (learnerStarted && mainReleased && MAIN.equals(event.thread())) {
      mainTookBackWith = call;
      mainTookBackWithAny.add(call == null ? "a GIL call" : call);
    }
  }

  @Override
  public synchronized void onDrop(TraceEvent event) {
    holder = null;
    if (learnerStarted && MAIN.equals(event.thread()) && "allow threads".equals(event.detail())) {
      mainReleased = true;
    }
  }

  /** The thread holding the GIL, if any. */
  synchronized Optional<String> holder() {
    return Optional.ofNullable(holder);
  }

  /** Threads waiting for the GIL now, each with the call it waits in. */
  synchronized Map<String, String> waiting() {
    return new LinkedHashMap<>(waiting);
  }

  /** Whether Main, once the learner's code ran, released the GIL with BeginAllowThreads. */
  synchronized boolean mainReleased() {
    return mainReleased;
  }

  /** The call with which Main last took the GIL back after releasing it, or {@code null}. */
  synchronized String mainTookBackWith() {
    return mainTookBackWith;
  }

  /** Every call with which Main took the GIL back after releasing it, in order of first use. */
  synchronized List<String> mainTookBackWithAny() {
    return List.copyOf(mainTookBackWithAny);
  }

  /**
   * For each thread whose PythonEngine.Shutdown() asked for the GIL, who held it at that moment
   * ({@code ""} for nobody). A thread that already held the GIL asks for nothing and is absent.
   */
  synchronized Map<String, String> shutdownFoundHolder() {
    return new LinkedHashMap<>(shutdownFoundHolder);
  }

  /**
   * The pythonnet call that is taking the GIL on the calling thread, in C# terms: the innermost
   * frame outside the runtime's own GIL machinery, if it is a pythonnet one.
   */
  private static String callerOfTake() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .map(f -> f.getClassName() + "." + f.getMethodName())
                    .filter(f -> !isMachinery(f))
                    .findFirst())
        .map(GilLog::pythonnetName)
        .orElse("a GIL call");
  }

  private static final String PYTHONNET = "gilbook.runtime.pythonnet.";

  private static boolean isMachinery(String frame) {
    return frame.startsWith("java.")
        || frame.startsWith(GilLog.class.getName() + ".")
        || (frame.startsWith("gilbook.runtime.") && !frame.startsWith(PYTHONNET));
  }

  private static String pythonnetName(String frame) {
    if (!frame.startsWith(PYTHONNET)) {
      return "a GIL call";
    }
    return switch (frame.substring(PYTHONNET.length())) {
      case "GilState.ensure", "Py.gil" -> "Py.GIL()";
      case "PythonEngine.shutdown" -> "PythonEngine.Shutdown()";
      case "PythonEngine.endAllowThreads" -> "PythonEngine.EndAllowThreads()";
      case "PythonEngine.initialize" -> "PythonEngine.Initialize()";
      default -> frame.substring(PYTHONNET.length());
    };
  }
}
