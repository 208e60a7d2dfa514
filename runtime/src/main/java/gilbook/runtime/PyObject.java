package gilbook.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * A Python object with CPython's reference-counting rules.
 *
 * <p>{@code ob_refcnt} is a plain {@code int}, deliberately not atomic: it is safe only because
 * every thread that touches it holds the GIL. Each touch checks that. A new object starts with one
 * reference, owned by whoever created it; {@link #incref()} adds an owner, {@link #decref()} drops
 * one, and at zero the object is deallocated: it lets go of what it contains, is recorded in the
 * trace, and any later use fails with a {@link DanglingPointerError} that names it.
 *
 * <p>Objects still alive when the interpreter shuts down are reported as leaks, except the ones the
 * interpreter made for itself at start-up ({@code None}, {@code True}, {@code False} and the small
 * ints), which CPython 3.11 also never frees.
 *
 * <p>Not thread-safe, on purpose: hold the GIL.
 *
 * <h2>Free-threaded mode (PEP 703, PEP 683)</h2>
 *
 * <p>With {@code Interpreter.Builder.gilEnabled(false)} the count is biased, as in CPython's
 * free-threaded build, and {@code ob_refcnt} is not used:
 *
 * <ul>
 *   <li>{@code ob_tid} is the id of the thread that created the object, its owner. The owner's
 *       increfs and decrefs change {@code ob_ref_local} with plain, non-atomic writes (no other
 *       thread ever writes it).
 *   <li>Any other thread changes {@code ob_ref_shared} atomically (a {@link VarHandle}
 *       compare-and-set). Its low two bits are flags, as in CPython: 0 default, 2 queued, 3 merged
 *       (1, "maybe weakref", is never set: there are no weak references here).
 *   <li>The owner's decref that takes the local count to zero merges: if the shared word is 0 the
 *       object is deallocated at once; otherwise {@code ob_tid} becomes 0, the merged flag is set,
 *       and the object lives on with its shared count alone ({@code _Py_MergeZeroLocalRefcount}).
 *   <li>A non-owner's decref that finds the shared word at 0 would take it below zero: instead of
 *       subtracting, it marks the object queued and queues it to the owner, the queue keeping the
 *       reference. The owner merges it at its next check point, or when it exits; if the owner has
 *       already exited the queuing thread merges at once ({@code _Py_ExplicitMergeRefcount} with
 *       {@code extra = -1}). An object is deallocated when its merged count reaches zero.
 *   <li>{@link #refcnt()} reports {@code ob_ref_local + (ob_ref_shared >> 2)}, {@code Py_REFCNT}.
 *   <li>{@code None}, {@code True}, {@code False} and the small ints are immortal (PEP 683):
 *       increfs and decrefs leave them as they are, and their count reads as {@value
 *       #IMMORTAL_REFCNT}.
 * </ul>
 *
 * <p>Simplifications: the owner is found by a direct reference rather than CPython's table of
 * thread ids, thread ids are never reused, and there is no per-object critical section for
 * containers ({@code Py_BEGIN_CRITICAL_SECTION}): {@link PyList} and {@link PyDict} are not safe to
 * change from two threads at once in this mode.
 */
public abstract class PyObject {
  /** The reference count, named as in CPython's {@code PyObject} header. */
  int ob_refcnt;

  /** PEP 703: the owner thread's id; 0 once the counts are merged, or for immortal objects. */
  volatile long ob_tid;

  /** PEP 703: the owner's count, written only by the owner thread, never atomically. */
  int ob_ref_local;

  /** PEP 703: other threads' count, shifted left by two, with two flag bits; atomic. */
  volatile int ob_ref_shared;

  /** Where to queue this object for merging: the thread whose id is {@code ob_tid}. */
  PyThreadState owner;

  /** Whether this object's counts are biased (the interpreter runs without a GIL). */
  final boolean freeThreaded;

  /** PEP 683: never counted, never freed. Only in free-threaded mode. */
  final boolean immortal;

  static final int REF_SHARED_SHIFT = 2;
  static final int REF_SHARED_FLAG_MASK = 0x3;
  static final int REF_MAYBE_WEAKREF = 0x1;
  static final int REF_QUEUED = 0x2;
  static final int REF_MERGED = 0x3;

  /** What {@code sys.getrefcount} reports for an immortal object: {@code UINT32_MAX}. */
  public static final long IMMORTAL_REFCNT = 0xFFFF_FFFFL;

  private static final VarHandle SHARED;

  static {
    try {
      SHARED = MethodHandles.lookup().findVarHandle(PyObject.class, "ob_ref_shared", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Interpreter interp;
  final long address;
  final boolean preallocated;
  final String createdBy;
  PyObject heapPrev;
  PyObject heapNext;

  private boolean freed;
  private String freedDescription;
  private String freedBy;
  private long freedAt;

  /** A new object with one reference, created by the calling Python thread. */
  PyObject() {
    PyThreadState ts = PyThreadState.get("make a Python object");
    ts.requirePython(null, "made a Python object");
    this.interp = ts.interp;
    this.preallocated = false;
    this.createdBy = ts.name;
    this.freeThreaded = !interp.gilEnabled();
    this.immortal = false;
    if (freeThreaded) {
      this.ob_tid = ts.id;
      this.owner = ts;
      this.ob_ref_local = 1;
    } else {
      this.ob_refcnt = 1;
    }
    this.address = interp.heap().link(this);
  }

  /** An object the interpreter makes for itself at start-up, before any thread runs. */
  PyObject(Interpreter interp, int initialRefcnt) {
    this.interp = interp;
    this.preallocated = true;
    this.createdBy = "(interpreter start-up)";
    this.ob_refcnt = initialRefcnt;
    this.freeThreaded = !interp.gilEnabled();
    this.immortal = freeThreaded;
    this.address = interp.heap().nextAddress();
  }

  /** The Python type name, as {@code type(o).__name__} gives it. */
  public abstract String typeName();

  /** The object's {@code repr()}, cut short for very large containers. */
  abstract String reprUnchecked(int budget);

  /** What the object contains goes away with it: containers decref their items here. */
  void clearReferences() {}

  /** Calls {@code visitor} once per reference this object owns (CPython's {@code tp_traverse}). */
  void traverse(Consumer<PyObject> visitor) {}

  /** {@code Py_INCREF}: one more owner. Returns this object, for chaining. */
  public final PyObject incref() {
    PyThreadState ts = touch("incref of");
    if (freeThreaded) {
      increfBiased(ts);
    } else {
      ob_refcnt++;
    }
    return this;
  }

  /** {@code Py_DECREF}: one owner fewer; at zero the object is deallocated. */
  public final void decref() {
    PyThreadState ts = touch("decref of");
    if (freeThreaded) {
      decrefBiased(ts);
    } else if (--ob_refcnt == 0) {
      dealloc(ts);
    }
  }

  /**
   * The current reference count, {@code Py_REFCNT}. In free-threaded mode the sum of the local and
   * shared counts; for an immortal object {@code Integer.MAX_VALUE} (see {@link Sys#getrefcount}
   * for the full value).
   */
  public final int refcnt() {
    touch("reading the reference count of");
    return (int) Math.min(Integer.MAX_VALUE, combinedRefcnt());
  }

  /** {@link #refcnt()} without clamping: an immortal object's count does not fit an int. */
  final long refcntUnclamped() {
    touch("reading the reference count of");
    return combinedRefcnt();
  }

  /** {@code Py_REFCNT} without checks or clamping. */
  final long combinedRefcnt() {
    if (!freeThreaded) {
      return ob_refcnt;
    }
    if (immortal) {
      return IMMORTAL_REFCNT;
    }
    return (long) ob_ref_local + (ob_ref_shared >> REF_SHARED_SHIFT);
  }

  /** Whether this object is immortal (PEP 683; only in free-threaded mode). Any thread. */
  public final boolean isImmortal() {
    return immortal;
  }

  // ---------------------------------------------------------------- biased refcounting (PEP 703)

  private void increfBiased(PyThreadState ts) {
    if (immortal) {
      ts.immortalRefOps++;
      return;
    }
    if (ob_tid == ts.id) {
      ob_ref_local++; // the owner: a plain add, no other thread writes this field
      ts.nonAtomicRefOps++;
    } else {
      SHARED.getAndAdd(this, 1 << REF_SHARED_SHIFT);
      ts.atomicRefOps++;
    }
  }

  private void decrefBiased(PyThreadState ts) {
    if (immortal) {
      ts.immortalRefOps++;
      return;
    }
    if (ob_tid == ts.id) {
      ts.nonAtomicRefOps++;
      if (--ob_ref_local == 0) {
        mergeZeroLocalRefcount(ts);
      }
    } else {
      ts.atomicRefOps++;
      decrefShared(ts);
    }
  }

  /** {@code _Py_MergeZeroLocalRefcount}: the owner's count reached zero. */
  private void mergeZeroLocalRefcount(PyThreadState ts) {
    int shared = (int) SHARED.getAcquire(this);
    if (shared == 0) {
      dealloc(ts); // nobody else ever counted it: the common case
      return;
    }
    ob_tid = 0; // from now on every thread counts it in ob_ref_shared
    ts.refMerges++;
    int newShared;
    while (true) {
      newShared = (shared & ~REF_SHARED_FLAG_MASK) | REF_MERGED;
      int witness = (int) SHARED.compareAndExchange(this, shared, newShared);
      if (witness == shared) {
        break;
      }
      shared = witness;
    }
    if (newShared == REF_MERGED) {
      dealloc(ts); // the shared count was zero too
    }
  }

  /** {@code _Py_DecRefShared}: a decref by a thread that does not own the object. */
  private void decrefShared(PyThreadState ts) {
    int shared = ob_ref_shared;
    boolean queue;
    int newShared;
    while (true) {
      queue = shared == 0 || shared == REF_MAYBE_WEAKREF;
      // Going below zero with neither flag set: the owner's local count holds the difference.
      // Queue the object to the owner instead; the queue keeps this reference until the merge.
      newShared = queue ? REF_QUEUED : shared - (1 << REF_SHARED_SHIFT);
      int witness = (int) SHARED.compareAndExchange(this, shared, newShared);
      if (witness == shared) {
        break;
      }
      shared = witness;
    }
    if (queue) {
      ts.refQueued++;
      PyThreadState o = owner;
      if (o == null || !o.brcEnqueue(this)) {
        mergeQueued(ts); // the owner has exited: merge here, as _Py_brc_queue_object does
      }
    } else if (newShared == REF_MERGED) {
      dealloc(ts); // merged, and the count reached zero
    }
  }

  /** Merges a queued object, dropping the queue's reference ({@code merge_queued_objects}). */
  void mergeQueued(PyThreadState ts) {
    if (freed) {
      throw new DanglingPointerError(this, "merging the reference count of");
    }
    ts.refMerges++;
    if (explicitMergeRefcount(-1) == 0) {
      dealloc(ts);
    }
  }

  /** {@code _Py_ExplicitMergeRefcount}: folds the local count into the shared one, plus extra. */
  private long explicitMergeRefcount(int extra) {
    int shared = ob_ref_shared;
    int refcnt;
    while (true) {
      refcnt = (shared >> REF_SHARED_SHIFT) + ob_ref_local + extra;
      int newShared = (refcnt << REF_SHARED_SHIFT) | REF_MERGED;
      int witness = (int) SHARED.compareAndExchange(this, shared, newShared);
      if (witness == shared) {
        break;
      }
      shared = witness;
    }
    ob_ref_local = 0;
    ob_tid = 0;
    return refcnt;
  }

  /** {@code repr(o)}. */
  public final String repr() {
    touch("repr of");
    return reprUnchecked(200);
  }

  /** {@code repr(o)} in full, however large, as {@code print} needs it. */
  public final String fullRepr() {
    touch("repr of");
    return reprUnchecked(Integer.MAX_VALUE);
  }

  /** {@code id(o)}: the object's fake address. */
  public final long id() {
    return address;
  }

  /** Whether the object has been deallocated. Safe to call at any time, from any thread. */
  public final boolean isFreed() {
    return freed;
  }

  @Override
  public String toString() {
    return freed ? "<freed " + freedDescription + ">" : describe();
  }

  /** Type, address and a short repr, for error messages. Never touches the object's count. */
  final String describe() {
    if (freed) {
      return freedDescription;
    }
    return typeName() + " object at 0x" + Long.toHexString(address) + " " + reprUnchecked(60);
  }

  final String freedWhere() {
    return "by thread " + freedBy + " at t=" + String.format("%.6f ms", freedAt / 1e6);
  }

  /**
   * Checks that the calling thread may use this object: it is a Python thread of the same
   * interpreter, holds the GIL, and the object is alive.
   */
  final PyThreadState touch(String use) {
    PyThreadState ts = PyThreadState.getFor(this, use);
    ts.requireOutsideParallelWork(this, use);
    checkUsable(ts, use);
    return ts;
  }

  /**
   * Like {@link #touch(String)}, and charges one instruction (a check point under some policies).
   */
  final PyThreadState instruction(String use) {
    PyThreadState ts = PyThreadState.getFor(this, use);
    ts.requireOutsideParallelWork(this, use); // before the instruction is charged
    ts.instruction(this);
    checkUsable(ts, use);
    return ts;
  }

  private void checkUsable(PyThreadState ts, String use) {
    if (freed) {
      throw new DanglingPointerError(this, use);
    }
    if (ts.interp != interp) {
      throw new SimulationError(
          "thread "
              + ts.name
              + " used "
              + describe()
              + ", which belongs to another interpreter. Objects cannot cross interpreters.");
    }
    ts.requireGil(this);
  }

  private void dealloc(PyThreadState ts) {
    if (preallocated) {
      ob_refcnt = 1;
      throw new SimulationError(
          "deallocating "
              + reprUnchecked(20)
              + ": its reference count reached zero, which crashes CPython (\"Fatal Python error:"
              + " deallocating None\"). Some code decref'd a borrowed reference; incref what you"
              + " return or store.");
    }
    freedDescription = describe();
    freed = true;
    freedBy = ts.name;
    freedAt = ts.now();
    interp.heap().unlink(this);
    interp.tracer().objectFreed(ts, freedDescription);
    clearReferences();
  }
}
