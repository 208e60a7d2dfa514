package gilbook.runtime.bytecode;

import gilbook.runtime.PyBool;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyObject;
import gilbook.runtime.threading.Queue;
import java.util.List;
import java.util.Map;

/**
 * The VM's {@code queue} module ({@code Lib/queue.py}): {@code Queue(maxsize=0)} over the runtime's
 * {@link Queue}, whose blocking {@code put} and {@code get} release the GIL. The queue owns a
 * reference to each item it holds, as a Python list would: {@code put} increfs, {@code get} hands
 * the reference to the caller, and the items left when the VM closes are released then.
 */
final class QueueModule {
  private QueueModule() {}

  @FunctionalInterface
  private interface Method {
    Object call(Queue<PyObject> q, List<Object> args);
  }

  @SuppressWarnings("unchecked")
  private static Callables.Body method(String name, Method body) {
    return (vm, args, kw) -> {
      Builtins.noKeywords("Queue." + name, kw);
      Queue<PyObject> q = Native.self(args, Queue.class);
      return body.call(q, args.subList(1, args.size()));
    };
  }

  private static final Native.Type QUEUE =
      Native.Type.of(
          "Queue",
          Map.ofEntries(
              Map.entry("put", method("put", QueueModule::put)),
              Map.entry(
                  "put_nowait",
                  method(
                      "put_nowait",
                      (q, a) -> put(q, a.isEmpty() ? a : List.of(a.get(0), Boolean.FALSE)))),
              Map.entry("get", method("get", QueueModule::get)),
              Map.entry(
                  "get_nowait", method("get_nowait", (q, a) -> get(q, List.of(Boolean.FALSE)))),
              Map.entry("qsize", method("qsize", (q, a) -> PyLong.fromLong(q.qsize()))),
              Map.entry("empty", method("empty", (q, a) -> PyBool.of(q.empty()))),
              Map.entry("full", method("full", (q, a) -> PyBool.of(q.full()))),
              Map.entry("task_done", method("task_done", (q, a) -> none(q::taskDone))),
              Map.entry("join", method("join", (q, a) -> none(q::join)))));

  /** The module's attributes. */
  static Modules.Module module() {
    return new Modules.Module(
        "queue",
        Map.of(
            "Queue",
            new Callables.Builtin(
                "queue.Queue",
                Native.python(
                    (vm, args, kw) -> {
                      Builtins.noKeywords("queue.Queue", kw);
                      Args.atMost("Queue", args, 1);
                      Queue<PyObject> q =
                          new Queue<>("Queue-" + vm.nextNumber("Queue"), Args.count(args, 0, 0));
                      vm.atClose(
                          () -> {
                            while (!q.empty()) {
                              q.getNowait().decref();
                            }
                          });
                      return Native.make(QUEUE, q);
                    }))));
  }

  private static Object none(Runnable r) {
    r.run();
    return PyNone.get();
  }

  /** {@code q.put(item, block=True, timeout=None)}: the queue takes its own reference. */
  private static Object put(Queue<PyObject> q, List<Object> a) {
    Args.atMost("put", a, 3);
    if (a.isEmpty()) {
      throw new PythonError("TypeError", "put() missing required argument 'item'");
    }
    PyObject item = Values.asObject(a.get(0));
    item.incref();
    boolean stored = false;
    try {
      q.put(item, Args.flag(a, 1, true), Args.seconds(a, 2, Double.POSITIVE_INFINITY));
      stored = true;
    } finally {
      if (!stored) {
        item.decref();
      }
    }
    return PyNone.get();
  }

  /** {@code q.get(block=True, timeout=None)}: the caller gets the queue's reference. */
  private static Object get(Queue<PyObject> q, List<Object> a) {
    Args.atMost("get", a, 2);
    return q.get(Args.flag(a, 0, true), Args.seconds(a, 1, Double.POSITIVE_INFINITY));
  }
}
