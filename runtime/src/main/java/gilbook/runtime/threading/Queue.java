package gilbook.runtime.threading;

import gilbook.runtime.Clock;
import gilbook.runtime.Cond;
import gilbook.runtime.Eval;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Mutex;
import gilbook.runtime.PyException;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Python's {@code queue.Queue}: a FIFO queue, bounded by {@code maxsize} (unbounded if it is zero
 * or less), with blocking {@code put} and {@code get}, timeouts, and {@code task_done} / {@code
 * join}.
 *
 * <p>Items are plain Java objects, not {@link gilbook.runtime.PyObject}s: the queue takes no
 * reference to them, so a caller that puts a {@code PyObject} hands over the reference it owns, and
 * the getter owns it afterwards. {@code null} is refused; put {@code PyNone} for Python's {@code
 * None}.
 *
 * <p>As in CPython, one mutex guards three conditions: {@code not_empty}, {@code not_full} and
 * {@code all_tasks_done}, all from the interpreter's {@link Clock}. A blocking call releases the
 * GIL while it waits and names the wait {@code "queue.get on Queue 'NAME' (empty)"}, {@code
 * "queue.put on Queue 'NAME' (full, 2 of 2)"} or {@code "queue.join on Queue 'NAME' (1 unfinished
 * task)"}; a call that need not wait keeps the GIL. A {@code get} or {@code put} that gives up
 * raises a {@link PyException} of type {@code "Empty"} or {@code "Full"}, Python's {@code
 * queue.Empty} and {@code queue.Full}. Methods must be called from a Python thread of the queue's
 * interpreter. Thread-safe.
 *
 * @param <T> the type of the items
 */
public final class Queue<T> {
  private final Clock clock;
  private final String name;
  private final int maxsize;
  private final Mutex mutex;
  private final Cond notEmpty;
  private final Cond notFull;
  private final Cond allTasksDone;
  private final ArrayDeque<T> items = new ArrayDeque<>();
  private long unfinishedTasks;
  private volatile int size;

  /** A queue named {@code name} holding at most {@code maxsize} items ({@code <= 0}: no limit). */
  public Queue(String name, int maxsize) {
    this(Waits.current(), name, maxsize);
  }

  /** A queue named {@code name} in {@code interp}; any thread may create it. */
  public Queue(Interpreter interp, String name, int maxsize) {
    this.name = Waits.checkName(name);
    this.clock = Waits.checkInterp(interp).clock();
    this.maxsize = maxsize;
    this.mutex = clock.newMutex("Queue '" + name + "' mutex");
    this.notEmpty = clock.newCond("Queue '" + name + "' not_empty", mutex);
    this.notFull = clock.newCond("Queue '" + name + "' not_full", mutex);
    this.allTasksDone = clock.newCond("Queue '" + name + "' all_tasks_done", mutex);
  }

  /** {@code q.put(item)}: waits while the queue is full. */
  public void put(T item) {
    put(item, true, Double.POSITIVE_INFINITY);
  }

  /**
   * {@code q.put(item, block)}: with {@code false}, raises {@code Full} at once if there is no
   * room.
   */
  public void put(T item, boolean block) {
    put(item, block, Double.POSITIVE_INFINITY);
  }

  /**
   * {@code q.put(item, block, timeout)}: waits at most {@code timeout} seconds for room, then
   * raises {@code Full}. The timeout is ignored when {@code block} is {@code false}.
   *
   * @throws PyException {@code Full} if there is no room in time; {@code ValueError} for a negative
   *     timeout
   */
  public void put(T item, boolean block, double timeout) {
    Objects.requireNonNull(item, "item must not be null; put PyNone for None");
    checkTimeout(block, timeout);
    String what;
    mutex.lock();
    try {
      if (!isFull()) {
        add(item);
        return;
      }
      if (!block) {
        throw fullError();
      }
      what = "queue.put on Queue '" + name + "' (full, " + items.size() + " of " + maxsize + ")";
    } finally {
      mutex.unlock();
    }
    long deadline = Waits.deadline(clock, timeout);
    Eval.blocking(
        what,
        () -> {
          mutex.lock();
          try {
            if (!Waits.await(notFull, clock, deadline, () -> !isFull())) {
              throw fullError();
            }
            add(item);
          } finally {
            mutex.unlock();
          }
        });
  }

  /** {@code q.put_nowait(item)}. */
  public void putNowait(T item) {
    put(item, false);
  }

  /** {@code q.get()}: waits while the queue is empty. */
  public T get() {
    return get(true, Double.POSITIVE_INFINITY);
  }

  /** {@code q.get(block)}: with {@code false}, raises {@code Empty} at once if there is no item. */
  public T get(boolean block) {
    return get(block, Double.POSITIVE_INFINITY);
  }

  /**
   * {@code q.get(block, timeout)}: waits at most {@code timeout} seconds for an item, then raises
   * {@code Empty}. The timeout is ignored when {@code block} is {@code false}.
   *
   * @throws PyException {@code Empty} if no item came in time; {@code ValueError} for a negative
   *     timeout
   */
  public T get(boolean block, double timeout) {
    checkTimeout(block, timeout);
    mutex.lock();
    try {
      if (!items.isEmpty()) {
        return take();
      }
      if (!block) {
        throw emptyError();
      }
    } finally {
      mutex.unlock();
    }
    long deadline = Waits.deadline(clock, timeout);
    @SuppressWarnings("unchecked")
    T[] got = (T[]) new Object[1];
    Eval.blocking(
        "queue.get on Queue '" + name + "' (empty)",
        () -> {
          mutex.lock();
          try {
            if (!Waits.await(notEmpty, clock, deadline, () -> !items.isEmpty())) {
              throw emptyError();
            }
            got[0] = take();
          } finally {
            mutex.unlock();
          }
        });
    return got[0];
  }

  /** {@code q.get_nowait()}. */
  public T getNowait() {
    return get(false);
  }

  /**
   * {@code q.task_done()}: marks one item taken by {@code get} as processed, waking {@link #join}
   * when none is left.
   *
   * @throws PyException {@code ValueError: task_done() called too many times}
   */
  public void taskDone() {
    mutex.lock();
    try {
      if (unfinishedTasks <= 0) {
        throw Waits.valueError("task_done() called too many times");
      }
      unfinishedTasks--;
      if (unfinishedTasks == 0) {
        allTasksDone.broadcast();
      }
    } finally {
      mutex.unlock();
    }
  }

  /** {@code q.join()}: waits until every item put has been marked done by {@link #taskDone}. */
  public void join() {
    String what;
    mutex.lock();
    try {
      if (unfinishedTasks == 0) {
        return;
      }
      what =
          "queue.join on Queue '"
              + name
              + "' ("
              + unfinishedTasks
              + (unfinishedTasks == 1 ? " unfinished task)" : " unfinished tasks)");
    } finally {
      mutex.unlock();
    }
    Eval.blocking(
        what,
        () -> {
          mutex.lock();
          try {
            Waits.await(allTasksDone, clock, Waits.NO_DEADLINE, () -> unfinishedTasks == 0);
          } finally {
            mutex.unlock();
          }
        });
  }

  /** {@code q.qsize()}: the number of items, which may change at once. Any thread may call this. */
  public int qsize() {
    return size;
  }

  /** {@code q.empty()}. Any thread may call this. */
  public boolean empty() {
    return qsize() == 0;
  }

  /**
   * {@code q.full()}: {@code true} if a bounded queue holds {@code maxsize} items. Any thread may
   * call this.
   */
  public boolean full() {
    return maxsize > 0 && size >= maxsize;
  }

  /** The bound given at creation; zero or less means none. */
  public int maxsize() {
    return maxsize;
  }

  /** The name given at creation. */
  public String name() {
    return name;
  }

  private boolean isFull() {
    return maxsize > 0 && items.size() >= maxsize;
  }

  private void add(T item) {
    items.addLast(item);
    size = items.size();
    unfinishedTasks++;
    notEmpty.signal();
  }

  private T take() {
    T item = items.removeFirst();
    size = items.size();
    notFull.signal();
    return item;
  }

  private PyException fullError() {
    return PyException.of("Full", "Queue '" + name + "' is full (" + maxsize + " items)");
  }

  private PyException emptyError() {
    return PyException.of("Empty", "Queue '" + name + "' is empty");
  }

  private static void checkTimeout(boolean block, double timeout) {
    if (block && timeout < 0) {
      throw Waits.valueError("'timeout' must be a non-negative number");
    }
  }

  @Override
  public String toString() {
    return "<Queue '" + name + "' maxsize=" + maxsize + ">";
  }
}
