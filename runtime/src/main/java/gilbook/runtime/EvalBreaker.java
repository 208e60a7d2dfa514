package gilbook.runtime;

/**
 * The interpreter's eval breaker: the flag a running thread polls at every check point.
 *
 * <p>In CPython, {@code eval_breaker} ORs several requests together (signals, pending calls,
 * asynchronous exceptions, and the one that matters here, {@code gil_drop_request}). A thread
 * waiting for the GIL sets the drop request after one switch interval; the holder sees it at its
 * next check point, drops the GIL and takes it again. Thread-safe: the flag is volatile, as {@code
 * _Py_atomic_int} is in CPython.
 */
public final class EvalBreaker {
  private final Tracer tracer;
  private volatile boolean gilDropRequest;

  EvalBreaker(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Asks the GIL holder to drop the GIL at its next check point ({@code SET_GIL_DROP_REQUEST}).
   *
   * @param requester the waiting thread whose timeout caused the request
   */
  public void setGilDropRequest(PyThreadState requester) {
    gilDropRequest = true;
    tracer.dropRequestSet(requester);
  }

  /** Clears the drop request ({@code RESET_GIL_DROP_REQUEST}). */
  public void resetGilDropRequest() {
    gilDropRequest = false;
  }

  /** Whether a drop request is pending. */
  public boolean gilDropRequest() {
    return gilDropRequest;
  }
}
