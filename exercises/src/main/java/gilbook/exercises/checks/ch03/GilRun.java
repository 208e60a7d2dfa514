package gilbook.exercises.checks.ch03;

import gilbook.exercises.grading.Feedback;
import gilbook.runtime.GilLock;
import gilbook.runtime.Interpreter;
import gilbook.runtime.PyThreadState;
import gilbook.runtime.Trace;
import gilbook.runtime.TraceEvent;
import gilbook.runtime.TraceEvent.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@link GilPlan} did with a learner's GIL, read from the interpreter's trace: who took
 * and dropped the GIL when, the drop requests, and what the GIL reported about itself at the end.
 * Each {@code first...} method returns the first broken rule in words, or empty. Immutable.
 */
final class GilRun {
  /** How long a free GIL may stay untaken while a thread waits: a few instructions. */
  private static final long IDLE_SLACK = 1_000;

  private final GilPlan plan;
  private final List<TraceEvent> events;
  private final List<Trace.Hold> holds;
  private final String failure;
  private final long exclusionViolations;
  private final String firstViolation;
  private final long changedAt;
  private final String state;

  private GilRun(
      GilPlan plan,
      List<TraceEvent> events,
      List<Trace.Hold> holds,
      String failure,
      long exclusionViolations,
      String firstViolation,
      long changedAt,
      String state) {
    this.plan = plan;
    this.events = events;
    this.holds = holds;
    this.failure = failure;
    this.exclusionViolations = exclusionViolations;
    this.firstViolation = firstViolation;
    this.changedAt = changedAt;
    this.state = state;
  }

  static GilRun notBuilt(GilPlan plan, RuntimeException e) {
    return new GilRun(
        plan,
        List.of(),
        List.of(),
        "building the interpreter with your GIL raised " + Feedback.raised(e),
        0,
        null,
        -1,
        null);
  }

  static GilRun of(
      GilPlan plan, Interpreter interp, Throwable raised, long changedAt, String endState) {
    String failure = null;
    Map<String, Throwable> thrown = interp.threadExceptions();
    if (!thrown.isEmpty()) {
      Map.Entry<String, Throwable> first = thrown.entrySet().iterator().next();
      failure = "thread " + first.getKey() + " raised " + Feedback.raised(first.getValue());
    } else if (raised != null) {
      failure = "the run did not finish: " + Feedback.raised(raised);
    }
    interp.close();
    List<TraceEvent> events = interp.trace().events();
    String state = failure == null ? endState : null;
    return new GilRun(
        plan,
        events,
        interp.trace().holds(),
        failure,
        interp.exclusionViolations(),
        interp.firstExclusionViolation(),
        changedAt,
        state);
  }

  /**
   * Compares what the GIL says about itself with what {@code events} show, from the thread that
   * holds it (the driver, once every other thread has ended); {@code null} if all agree.
   */
  static String endState(GilLock gil, List<TraceEvent> events) {
    long handOvers = 0;
    String last = null;
    for (TraceEvent e : events) {
      if (e.kind() == Kind.TAKE) {
        if (last != null && !last.equals(e.thread())) {
          handOvers++;
        }
        last = e.thread();
      }
    }
    // The first take of all is a hand-over too: lastHolder goes from nobody to a thread.
    long expected = last == null ? 0 : handOvers + 1;
    try {
      long switches = gil.switchNumber();
      if (switches != expected && switches != handOvers) {
        return String.format(
            "switchNumber() was %,d at the end, but the GIL passed from one thread to another"
                + " %,d times",
            switches, handOvers);
      }
      PyThreadState holder = gil.lastHolder();
      String holderName = holder == null ? null : holder.name();
      if (last != null && !last.equals(holderName)) {
        return "lastHolder() was "
            + (holderName == null ? "null" : "thread " + holderName)
            + " at the end, but the last thread to take the GIL was "
            + last;
      }
      if (!gil.locked()) {
        return "locked() was false at the end, while thread " + last + " held the GIL";
      }
    } catch (RuntimeException e) {
      return "asking your GIL about itself raised " + Feedback.raised(e);
    }
    return null;
  }

  GilPlan plan() {
    return plan;
  }

  List<Trace.Hold> holds() {
    return holds;
  }

  /** Why the run did not finish cleanly, or empty. */
  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** The first time two threads held the GIL at once, or empty. */
  Optional<String> firstExclusionViolation() {
    if (exclusionViolations == 0) {
      return Optional.empty();
    }
    return Optional.of(String.format("%s (%,d times in all)", firstViolation, exclusionViolations));
  }

  /** What switchNumber(), lastHolder() or locked() got wrong at the end, or empty. */
  Optional<String> wrongFinalState() {
    return Optional.ofNullable(state);
  }

  /** The interval a wait that ended at {@code t} must have lasted at least. */
  private long shortestIntervalAt(long t) {
    if (changedAt < 0 || t < changedAt) {
      return plan.interval();
    }
    // A wait that began before the change may still run on the old interval.
    return t >= changedAt + plan.interval()
        ? plan.newInterval()
        : Math.min(plan.interval(), plan.newInterval());
  }

  /** The longest interval that can be in force for a wait that began at {@code t}. */
  private long longestIntervalFrom(long t) {
    if (changedAt < 0) {
      return plan.changeAfter() > 0
          ? Math.max(plan.interval(), plan.newInterval())
          : plan.interval();
    }
    if (t >= changedAt + plan.interval()) {
      return plan.newInterval();
    }
    return t + 2 * plan.interval() <= changedAt
        ? plan.interval()
        : Math.max(plan.interval(), plan.newInterval());
  }

  /**
   * A drop request set before its waiter had waited one whole interval, or while the GIL had
   * changed hands within that interval, or by a thread that was not waiting.
   */
  Optional<String> firstEarlyRequest() {
    Map<String, Long> waitingSince = new HashMap<>();
    String lastTaker = null;
    long lastSwitch = Long.MIN_VALUE;
    for (TraceEvent e : events) {
      switch (e.kind()) {
        case TAKE_REQUEST -> waitingSince.put(e.thread(), e.time());
        case TAKE -> {
          waitingSince.remove(e.thread());
          if (lastTaker != null && !lastTaker.equals(e.thread())) {
            lastSwitch = e.time();
          }
          lastTaker = e.thread();
        }
        case DROP_REQUEST -> {
          long t = e.time();
          Long since = waitingSince.get(e.thread());
          long interval = shortestIntervalAt(t);
          if (since == null) {
            return Optional.of(
                String.format(
                    "at t=%s thread %s set the drop request while it was not waiting for the GIL",
                    Lesson.span(t), e.thread()));
          }
          if (t - since < interval) {
            return Optional.of(
                String.format(
                    "at t=%s thread %s set the drop request after waiting only %s, less than the"
                        + " %s interval",
                    Lesson.span(t), e.thread(), Lesson.span(t - since), Lesson.span(interval)));
          }
          if (lastSwitch > t - interval) {
            return Optional.of(
                String.format(
                    "at t=%s thread %s set the drop request although the GIL had passed to"
                        + " thread %s only %s earlier, less than one %s interval",
                    Lesson.span(t),
                    e.thread(),
                    lastTaker,
                    Lesson.span(t - lastSwitch),
                    Lesson.span(interval)));
          }
        }
        default -> {}
      }
    }
    return Optional.empty();
  }

  /**
   * A hold that went on well past the moment a waiter should have asked for the GIL (two intervals
   * after the waiting began, since a wait under way when the GIL changed hands starts again), or a
   * drop request the holder did not act on at its next check point.
   */
  Optional<String> firstIgnoredWaiter() {
    Map<String, Long> waitingSince = new HashMap<>();
    String holder = null;
    long heldSince = 0;
    for (int i = 0; i < events.size(); i++) {
      TraceEvent e = events.get(i);
      switch (e.kind()) {
        case TAKE_REQUEST -> waitingSince.put(e.thread(), e.time());
        case TAKE -> {
          waitingSince.remove(e.thread());
          holder = e.thread();
          heldSince = e.time();
        }
        case DROP -> {
          if (e.thread().equals(holder)) {
            long waiterSince = Long.MAX_VALUE;
            String waiter = null;
            for (Map.Entry<String, Long> w : waitingSince.entrySet()) {
              long from = Math.max(w.getValue(), heldSince);
              if (from < waiterSince) {
                waiterSince = from;
                waiter = w.getKey();
              }
            }
            if (waiter != null) {
              long allowed = 2 * longestIntervalFrom(waiterSince) + GilPlan.CHECK_POINT_GAP;
              if (e.time() - waiterSince > allowed) {
                return Optional.of(
                    String.format(
                        "thread %s held the GIL from t=%s to t=%s while thread %s waited for it"
                            + " from t=%s: %s",
                        holder,
                        Lesson.span(heldSince),
                        Lesson.span(e.time()),
                        waiter,
                        Lesson.span(waiterSince),
                        requestsDuring(waiterSince, e.time())));
              }
            }
            holder = null;
          }
        }
        case DROP_REQUEST -> {
          if (holder != null && !holder.equals(e.thread())) {
            Optional<TraceEvent> drop = nextDrop(i, holder);
            long by = e.time() + GilPlan.CHECK_POINT_GAP;
            if (drop.isPresent() && drop.get().time() > by) {
              return Optional.of(
                  String.format(
                      "thread %s set the drop request at t=%s while thread %s held the GIL, but"
                          + " %s went on past several check points and dropped it only at t=%s",
                      e.thread(),
                      Lesson.span(e.time()),
                      holder,
                      holder,
                      Lesson.span(drop.get().time())));
            }
          }
        }
        default -> {}
      }
    }
    return Optional.empty();
  }

  /**
   * A drop that left the GIL free while another thread was waiting for it: wake-ups cost nothing in
   * virtual time, so a waiter told of the drop takes the GIL at the same instant.
   */
  Optional<String> firstIdleGil() {
    Map<String, Long> waitingSince = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      TraceEvent e = events.get(i);
      switch (e.kind()) {
        case TAKE_REQUEST -> waitingSince.put(e.thread(), e.time());
        case TAKE -> waitingSince.remove(e.thread());
        case DROP -> {
          Optional<String> waiter =
              waitingSince.keySet().stream()
                  .filter(w -> !w.equals(e.thread()))
                  .sorted()
                  .findFirst();
          if (waiter.isEmpty()) {
            continue;
          }
          long next = nextTake(i).map(TraceEvent::time).orElse(Long.MAX_VALUE);
          if (next > e.time() + IDLE_SLACK) {
            return Optional.of(
                String.format(
                    "thread %s dropped the GIL at t=%s while thread %s waited for it, and the"
                        + " GIL stayed free until %s",
                    e.thread(),
                    Lesson.span(e.time()),
                    waiter.get(),
                    next == Long.MAX_VALUE ? "the end" : "t=" + Lesson.span(next)));
          }
        }
        default -> {}
      }
    }
    return Optional.empty();
  }

  private Optional<TraceEvent> nextTake(int from) {
    for (int j = from + 1; j < events.size(); j++) {
      if (events.get(j).kind() == Kind.TAKE) {
        return Optional.of(events.get(j));
      }
    }
    return Optional.empty();
  }

  private String requestsDuring(long from, long to) {
    return events.stream()
        .filter(e -> e.kind() == Kind.DROP_REQUEST && e.time() >= from && e.time() <= to)
        .findFirst()
        .map(
            e ->
                String.format(
                    "the first drop request came only at t=%s, %s after the waiting began",
                    Lesson.span(e.time()), Lesson.span(e.time() - from)))
        .orElse("the trace shows no drop request in that time");
  }

  private Optional<TraceEvent> nextDrop(int from, String thread) {
    for (int j = from + 1; j < events.size(); j++) {
      TraceEvent e = events.get(j);
      if (e.kind() == Kind.DROP && e.thread().equals(thread)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** A thread that dropped the GIL on request and took it back before any other thread had it. */
  Optional<String> firstRetake() {
    for (int i = 0; i < events.size(); i++) {
      TraceEvent e = events.get(i);
      if (e.kind() != Kind.DROP || !e.detail().equals("drop request")) {
        continue;
      }
      for (int j = i + 1; j < events.size(); j++) {
        TraceEvent next = events.get(j);
        if (next.kind() == Kind.TAKE) {
          if (next.thread().equals(e.thread())) {
            return Optional.of(
                String.format(
                    "at t=%s thread %s dropped the GIL because of a drop request and took it"
                        + " back at t=%s, before any other thread had it",
                    Lesson.span(e.time()), e.thread(), Lesson.span(next.time())));
          }
          break;
        }
      }
    }
    return Optional.empty();
  }

  /** Holds without the first and the last, which begin or end with a thread. */
  List<Trace.Hold> innerHolds() {
    return holds.size() <= 2 ? List.of() : holds.subList(1, holds.size() - 1);
  }

  /** How many drop requests the trace shows. */
  long dropRequests() {
    return events.stream().filter(e -> e.kind() == Kind.DROP_REQUEST).count();
  }
}
