package gilbook.runtime;

/**
 * Receives trace events as they happen. Every method has an empty default, so a listener overrides
 * only what it needs; each specific method also calls {@link #onEvent(TraceEvent)}, so a listener
 * can instead take everything in one place.
 *
 * <p>Listeners are called on the Python thread the event belongs to, often while it holds the GIL
 * or a GIL mutex: they must be quick and must not call back into the interpreter. In real mode they
 * are called from several threads at once.
 */
public interface GilListener {
  /** Every event, unless a specific method below is overridden without calling this. */
  default void onEvent(TraceEvent event) {}

  default void onThreadStart(TraceEvent event) {
    onEvent(event);
  }

  default void onThreadExit(TraceEvent event) {
    onEvent(event);
  }

  default void onTakeRequest(TraceEvent event) {
    onEvent(event);
  }

  default void onTake(TraceEvent event) {
    onEvent(event);
  }

  default void onDrop(TraceEvent event) {
    onEvent(event);
  }

  default void onDropRequest(TraceEvent event) {
    onEvent(event);
  }

  default void onForcedSwitchWait(TraceEvent event) {
    onEvent(event);
  }

  default void onBlocked(TraceEvent event) {
    onEvent(event);
  }

  default void onCpu(TraceEvent event) {
    onEvent(event);
  }

  default void onObjectFreed(TraceEvent event) {
    onEvent(event);
  }

  default void onException(TraceEvent event) {
    onEvent(event);
  }

  /** Routes {@code event} to the method for its kind. */
  static void dispatch(GilListener listener, TraceEvent event) {
    switch (event.kind()) {
      case THREAD_START -> listener.onThreadStart(event);
      case THREAD_EXIT -> listener.onThreadExit(event);
      case TAKE_REQUEST -> listener.onTakeRequest(event);
      case TAKE -> listener.onTake(event);
      case DROP -> listener.onDrop(event);
      case DROP_REQUEST -> listener.onDropRequest(event);
      case FORCED_SWITCH_WAIT -> listener.onForcedSwitchWait(event);
      case BLOCKED -> listener.onBlocked(event);
      case CPU -> listener.onCpu(event);
      case OBJECT_FREED -> listener.onObjectFreed(event);
      case EXCEPTION -> listener.onException(event);
    }
  }
}
