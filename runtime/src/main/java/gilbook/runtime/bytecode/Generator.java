package gilbook.runtime.bytecode;

import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;

/**
 * A generator: the suspended frame of a generator function, made by {@code RETURN_GENERATOR} and
 * resumed by each {@code next()} ({@code FOR_ITER}) or {@code send} ({@code SEND}, for {@code yield
 * from}), as CPython 3.11's {@code gen_send_ex2} ({@code Objects/genobject.c}) resumes a {@code
 * PyGenObject}: it pushes the sent value ({@code None} for {@code next()}) on the frame's stack and
 * runs the frame in the eval loop until {@code YIELD_VALUE} suspends it again or {@code
 * RETURN_VALUE} ends it. Each resumption enters at a {@code RESUME} (oparg 0 the first time, 1
 * after a {@code yield}), so it checks the eval breaker as CPython does.
 *
 * <p>A counted iterator ({@link Iterators.Counted}), as a {@code PyGenObject} has its own count (a
 * frame's slot, the stack and a {@code for} loop may own it at once). The frame owns its locals and
 * value stack; dropping the last reference to an unfinished generator releases them (CPython would
 * first throw {@code GeneratorExit} into the frame, which runs its {@code finally} blocks; the VM
 * does not). Not thread-safe (the GIL guards it).
 */
final class Generator extends Iterators.Counted {
  private final BytecodeVM vm;
  final DisFunction code;
  final Object[] locals;
  final int depth;
  Object[] stack;
  int sp;
  int pc;
  private boolean running;
  private boolean suspended;
  private boolean finished;

  Generator(
      BytecodeVM vm, DisFunction code, Object[] locals, Object[] stack, int sp, int pc, int depth) {
    this.vm = vm;
    this.code = code;
    this.locals = locals;
    this.stack = stack;
    this.sp = sp;
    this.pc = pc;
    this.depth = depth;
  }

  /** {@code YIELD_VALUE}: the frame stops here and resumes at {@code pc}. */
  void suspend(Object[] stack, int sp, int pc) {
    this.stack = stack;
    this.sp = sp;
    this.pc = pc;
    this.suspended = true;
  }

  /**
   * {@code gen.send(value)}: resumes the frame with {@code value} (owned, consumed) and returns the
   * value it yields (owned), or, once it returns, its return value; {@link #finished()} tells
   * which.
   *
   * @throws PythonError {@code ValueError} if the generator is already running (it resumed itself)
   */
  Object send(Object value) {
    if (running) {
      Values.release(value);
      throw new PythonError("ValueError", "generator already executing");
    }
    if (finished) {
      Values.release(value);
      return PyNone.get().incref();
    }
    stack[sp++] = value;
    running = true;
    suspended = false;
    try {
      Object result = vm.resume(this);
      finished = !suspended;
      return result;
    } catch (RuntimeException | Error e) {
      finished = true; // the eval loop released the frame's stack and locals
      throw e;
    } finally {
      running = false;
    }
  }

  /** Whether the frame has returned (or raised): nothing more to resume. */
  boolean finished() {
    return finished;
  }

  @Override
  public PyObject next() {
    Object v = send(PyNone.get().incref());
    if (finished) {
      Values.release(v); // the return value of a generator that a for loop drives is dropped
      return null;
    }
    if (v instanceof PyObject o) {
      return o;
    }
    Values.release(v);
    throw new PythonError(
        "TypeError", "the VM cannot iterate over a generator that yields a " + Values.typeName(v));
  }

  /** The last owner let go: an unfinished frame releases its stack and locals. */
  @Override
  void drop() {
    if (!finished) {
      finished = true;
      Values.releaseAll(stack, sp);
      Values.releaseAll(locals, locals.length);
    }
  }

  @Override
  public String typeName() {
    return "generator";
  }
}
