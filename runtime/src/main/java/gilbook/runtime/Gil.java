package gilbook.runtime;

/*
 Notes about the implementation (read beside CPython's Python/ceval_gil.c):

 - The GIL itself is one boolean, `locked`. A small mutex (`mutex`) guards it together with
   `lastHolder` and `switchNumber`, and a condition (`cond`) announces that it became free. The
   mutex is only ever held for a few steps, so it is rarely contended; the GIL can be held for
   milliseconds.

 - Nobody takes the GIL away from the thread that holds it. A thread that wants it waits on `cond`
   for at most one switch interval. If that wait times out, the GIL is still locked, and the
   switch number has not moved (no other thread got the GIL meanwhile), the waiter sets the drop
   request on the eval breaker. The holder notices the request at its next check point (a back
   edge or a call since 3.10), drops the GIL and tries to take it again. So the interval is a
   minimum time slice, not a guarantee: one long instruction, or a long stretch of code without a
   check point, keeps the GIL for as long as it runs.

 - Dropping is not enough to hand the GIL over. On a multi-core machine the dropper is already
   running, while the waiter must first be woken by the OS; the dropper would usually win the race
   and take the GIL straight back. This is why forced switching exists: after dropping because of a
   drop request, the dropper waits on `switchCond` until `lastHolder` shows that some other thread
   has taken the GIL. That hand-over costs the dropper a wake-up latency every time, which is the
   root of the convoy effect an I/O thread suffers beside a CPU-bound one.

 - There is no queue. `cond.signal()` wakes one waiter, and which one is up to the platform (in
   virtual time: the seeded random source). No waiter is promised a turn.

 - `switchNumber` only counts real hand-overs: a thread that re-takes the GIL it last held does not
   move it. Waiters compare it before and after their timed wait, so a drop request is only set
   when the holder really has kept the GIL for a whole interval.

 - The forced-switch wait only happens when a drop request is pending. A thread that drops the GIL
   voluntarily (for I/O, say) does not wait, unless someone asked for a drop at that moment; CPython
   behaves the same way.

 Deliberately left out: the finalization checks (tstate_must_exit), since our interpreter stops its
 threads in a different way, and async exceptions.
*/

/**
 * A port of CPython's "new GIL" (Python 3.2 and later), keeping its names: {@code takeGil}, {@code
 * dropGil}, {@code locked}, {@code lastHolder}, {@code switchNumber}, {@code interval}, and the
 * drop request on the {@link EvalBreaker}.
 *
 * <p>It is written against {@link Mutex} and {@link Cond} from the interpreter's {@link Clock}, so
 * the same code runs in virtual and real time. Thread-safe. Uncontended, a take and a drop each
 * lock one mutex (two with forced switching) and never wait.
 */
public final class Gil implements GilLock {
  private final GilContext context;
  private final EvalBreaker evalBreaker;
  private final boolean forceSwitching;

  private final Mutex mutex;
  private final Cond cond;
  private final Mutex switchMutex;
  private final Cond switchCond;

  private volatile boolean locked;
  private volatile PyThreadState lastHolder;
  private volatile long switchNumber; // written only with `mutex` held
  private volatile long interval;

  /** Creates the GIL for the interpreter that owns {@code context}. */
  public Gil(GilContext context) {
    this.context = context;
    this.evalBreaker = context.evalBreaker();
    this.forceSwitching = context.forceSwitching();
    this.interval = context.intervalNanos();
    Clock clock = context.clock();
    this.mutex = clock.newMutex("gil.mutex");
    this.cond = clock.newCond("gil.cond", mutex);
    this.switchMutex = clock.newMutex("gil.switch_mutex");
    this.switchCond = clock.newCond("gil.switch_cond", switchMutex);
  }

  @Override
  public void takeGil(PyThreadState tstate) {
    mutex.lock();
    try {
      while (locked) {
        long savedSwitchNumber = switchNumber;
        // CPython never waits less than 1 microsecond.
        boolean timedOut = cond.timedWait(Math.max(interval, 1_000));
        // Only ask for a drop if nobody else got the GIL while we waited.
        if (timedOut && locked && switchNumber == savedSwitchNumber) {
          evalBreaker.setGilDropRequest(tstate);
        }
      }
      if (forceSwitching) {
        // dropGil() reads lastHolder under switchMutex, so change it only while holding it.
        switchMutex.lock();
      }
      locked = true;
      if (tstate != lastHolder) {
        lastHolder = tstate;
        switchNumber++;
      }
      if (forceSwitching) {
        switchCond.signal();
        switchMutex.unlock();
      }
      // Whoever asked for the drop now has the GIL, or we took it ourselves; either way the
      // request is answered.
      if (evalBreaker.gilDropRequest()) {
        evalBreaker.resetGilDropRequest();
      }
    } finally {
      mutex.unlock();
    }
  }

  @Override
  public void dropGil(PyThreadState tstate) {
    if (!locked) {
      throw new IllegalStateException(
          "drop_gil: the GIL is not locked, so thread " + tstate.name() + " cannot drop it");
    }
    lastHolder = tstate;

    mutex.lock();
    try {
      locked = false;
      cond.signal();
    } finally {
      mutex.unlock();
    }

    if (forceSwitching && evalBreaker.gilDropRequest()) {
      switchMutex.lock();
      try {
        // Nobody has taken the GIL since we dropped it: wait until someone does, so that we
        // cannot win the race to re-take it (see the notes at the top of this file).
        if (lastHolder == tstate) {
          evalBreaker.resetGilDropRequest();
          long since = context.clock().nanoTime();
          switchCond.await();
          context.reportForcedSwitchWait(tstate, since);
        }
      } finally {
        switchMutex.unlock();
      }
    }
  }

  @Override
  public boolean locked() {
    return locked;
  }

  @Override
  public PyThreadState lastHolder() {
    return lastHolder;
  }

  @Override
  public long switchNumber() {
    return switchNumber;
  }

  @Override
  public long interval() {
    return interval;
  }

  @Override
  public void setInterval(long nanos) {
    if (nanos <= 0) {
      throw new IllegalArgumentException("switch interval must be > 0 ns, got " + nanos);
    }
    this.interval = nanos;
  }
}
