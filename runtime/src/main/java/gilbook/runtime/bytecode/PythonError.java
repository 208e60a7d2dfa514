package gilbook.runtime.bytecode;

import gilbook.runtime.PyException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python exception raised by a listing the VM runs, such as {@code KeyError} or {@code
 * TypeError}: both the Java throwable that unwinds the VM's Java frames and the exception object
 * that a handler finds on the value stack ({@code except KeyError as e}). Like CPython's exception
 * objects it is not immutable: it gathers its traceback as it leaves frames, and its context
 * ({@code __context__}) when it is raised while another is being handled.
 *
 * <p>It is a VM value, not a simulated object: it has no reference count, and it keeps text ({@code
 * str(e)}, {@code repr(e)}) rather than references to its arguments.
 */
public final class PythonError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  // traceback.py's _RECURSIVE_CUTOFF
  private static final int RECURSIVE_CUTOFF = 3;

  private static void repeated(StringBuilder sb, int count) {
    if (count > RECURSIVE_CUTOFF) {
      int more = count - RECURSIVE_CUTOFF;
      sb.append("  [Previous line repeated ")
          .append(more)
          .append(" more time")
          .append(more > 1 ? "s" : "")
          .append("]\n");
    }
  }

  /** One traceback entry: a frame the exception passed through, and the source line it was at. */
  record Frame(String file, int line, String function) {}

  private final String type;
  private final String str;
  private final String repr;
  private final List<Frame> traceback = new ArrayList<>();
  private PythonError context;
  private PythonError cause;
  private boolean suppressContext;
  // Set by RERAISE and a bare raise, which go to CPython's exception_unwind without adding a
  // traceback entry (PyTraceBack_Here is on the error: path they skip); cleared by the unwind.
  boolean reraised;
  // What RERAISE restored as the frame's lasti, or -1; the unwind pushes it for a lasti handler.
  int reraisedLasti = -1;

  PythonError(String type, String message) {
    this(type, message, type + "(" + Exceptions.quote(message) + ")");
  }

  PythonError(String type, String str, String repr) {
    super(str.isEmpty() ? type : type + ": " + str);
    this.type = type;
    this.str = str;
    this.repr = repr;
  }

  /** The same exception as the runtime's {@link PyException} (an object operation raised it). */
  static PythonError of(PyException e) {
    String prefix = e.type() + ": ";
    String message = e.getMessage();
    return new PythonError(
        e.type(), message.startsWith(prefix) ? message.substring(prefix.length()) : message);
  }

  /** The Python exception type, such as {@code KeyError}. */
  public String type() {
    return type;
  }

  /** {@code str(e)}: for a {@code KeyError}, the key's repr. */
  public String str() {
    return str;
  }

  /** {@code repr(e)}, such as {@code ValueError('too big')}. */
  public String repr() {
    return repr;
  }

  /** The exception being handled when this one was raised ({@code __context__}), or null. */
  public PythonError context() {
    return context;
  }

  void context(PythonError handled) {
    // CPython's _PyErr_SetObject avoids a cycle: an exception is never its own context.
    for (PythonError c = handled; c != null; c = c.context) {
      if (c == this) {
        return;
      }
    }
    this.context = handled;
  }

  /** {@code raise X from Y}: Y is the cause, and the context is no longer printed. */
  void cause(PythonError cause) {
    this.cause = cause;
    this.suppressContext = true;
  }

  /** Adds the entry of a frame the exception leaves (CPython's {@code PyTraceBack_Here}). */
  void addFrame(String file, int line, String function) {
    traceback.add(0, new Frame(file, line, function));
  }

  /** The traceback entries, outermost call first, as {@code traceback} prints them. */
  List<Frame> traceback() {
    return List.copyOf(traceback);
  }

  /**
   * What {@code threading.excepthook} writes when a thread ends with this exception: {@code
   * Exception in thread NAME:} and the traceback. {@code threadName} is the thread's name, for
   * {@code Thread(target=f)} CPython's default {@code Thread-N (f)}.
   */
  public String formatThreadException(String threadName) {
    return "Exception in thread " + threadName + ":\n" + formatTraceback();
  }

  /**
   * The traceback as CPython's {@code traceback.print_exception} writes it: the context's first,
   * then each frame ({@code File "x.py", line 3, in f}) and the last line ({@code KeyError:
   * 'count'}). The listing holds no source text, so no source line follows a frame's line, as when
   * CPython cannot read the file.
   */
  public String formatTraceback() {
    StringBuilder sb = new StringBuilder();
    if (cause != null) {
      sb.append(cause.formatTraceback())
          .append("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (context != null && !suppressContext) {
      sb.append(context.formatTraceback())
          .append("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    if (!traceback.isEmpty()) {
      sb.append("Traceback (most recent call last):\n");
      // traceback.StackSummary.format: a frame repeated more than 3 times in a row (recursion)
      // is printed 3 times, then "[Previous line repeated N more times]"
      Frame last = null;
      int count = 0;
      for (Frame f : traceback) {
        if (!f.equals(last)) {
          repeated(sb, count);
          last = f;
          count = 0;
        }
        if (++count > RECURSIVE_CUTOFF) {
          continue;
        }
        sb.append("  File \"")
            .append(f.file())
            .append("\", line ")
            .append(f.line())
            .append(", in ")
            .append(f.function())
            .append('\n');
      }
      repeated(sb, count);
    }
    return sb.append(getMessage()).append('\n').toString();
  }
}
