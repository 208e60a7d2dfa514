package gilbook.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns what threads do into trace events and per-thread statistics, and tells the listeners.
 *
 * <p>Each method is called on the thread the event belongs to, and only that thread writes its own
 * statistics, so they need no locking. Times come from the thread's own clock.
 */
final class Tracer {
  private final Trace trace;
  private final List<GilListener> listeners = new CopyOnWriteArrayList<>();

  Tracer(Trace trace) {
    this.trace = trace;
  }

  void addListener(GilListener listener) {
    listeners.add(listener);
  }

  void removeListener(GilListener listener) {
    listeners.remove(listener);
  }

  void threadStart(PyThreadState ts) {
    ts.started = ts.now();
    emit(ts, TraceEvent.Kind.THREAD_START, "", ts.started, 0);
  }

  void threadExit(PyThreadState ts) {
    long now = ts.now();
    ts.ended = now;
    emit(ts, TraceEvent.Kind.THREAD_EXIT, "", now, 0);
  }

  void exception(PyThreadState ts, Throwable error) {
    emit(ts, TraceEvent.Kind.EXCEPTION, String.valueOf(error), ts.now(), 0);
  }

  void takeRequest(PyThreadState ts) {
    long now = ts.now();
    ts.requestAt = now;
    ts.waitingForGil = true;
    emit(ts, TraceEvent.Kind.TAKE_REQUEST, "", now, 0);
  }

  void taken(PyThreadState ts) {
    long now = ts.now();
    ts.waited += now - ts.requestAt;
    ts.waitingForGil = false;
    ts.acquisitions++;
    ts.holdStart = now;
    emit(ts, TraceEvent.Kind.TAKE, "", now, 0);
  }

  void dropped(PyThreadState ts, String cause) {
    long now = ts.now();
    long hold = now - ts.holdStart;
    ts.held += hold;
    ts.longestHold = Math.max(ts.longestHold, hold);
    emit(ts, TraceEvent.Kind.DROP, cause, now, 0);
  }

  void dropRequestSet(PyThreadState requester) {
    requester.dropRequestsCaused++;
    emit(requester, TraceEvent.Kind.DROP_REQUEST, "", requester.now(), 0);
  }

  void forcedSwitchWait(PyThreadState ts, long since) {
    ts.forcedSwitchWaits++;
    emit(ts, TraceEvent.Kind.FORCED_SWITCH_WAIT, "", since, ts.now() - since);
  }

  void blocked(PyThreadState ts, String cause, long since) {
    long span = ts.now() - since;
    ts.blocked += span;
    emit(ts, TraceEvent.Kind.BLOCKED, cause, since, span);
  }

  void cpu(PyThreadState ts, String what, boolean withGil, long since) {
    cpu(ts, what, withGil, since, ts.now() - since);
  }

  /**
   * A computation of {@code span} ns from {@code since}, which need not end at the thread's now.
   */
  void cpu(PyThreadState ts, String what, boolean withGil, long since, long span) {
    if (withGil) {
      ts.cpuWithGil += span;
    } else {
      ts.ranWithoutGil += span;
    }
    String detail = what + (withGil ? " (holding the GIL)" : " (GIL released)");
    emit(ts, TraceEvent.Kind.CPU, detail, since, span);
  }

  void objectFreed(PyThreadState ts, String description) {
    emit(ts, TraceEvent.Kind.OBJECT_FREED, description, ts.now(), 0);
  }

  private void emit(PyThreadState ts, TraceEvent.Kind kind, String detail, long time, long span) {
    TraceEvent event = new TraceEvent(time, ts.id, ts.name, kind, detail, span);
    trace.add(event);
    for (GilListener listener : listeners) {
      GilListener.dispatch(listener, event);
    }
  }
}
