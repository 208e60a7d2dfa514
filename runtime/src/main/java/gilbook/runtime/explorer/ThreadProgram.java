package gilbook.runtime.explorer;

import java.util.List;

/**
 * One thread's name and the refcount operations it runs, in program order.
 *
 * <p>This record is immutable and thread-safe.
 */
record ThreadProgram(String name, List<RefOp> ops) {

  ThreadProgram {
    ops = List.copyOf(ops);
  }

  /** Names one operation for a learner: {@code "T1's INCREF"}, or {@code "T1's INCREF #2"}. */
  String label(int opIndex) {
    String label = name + "'s " + ops.get(opIndex);
    return ops.size() == 1 ? label : label + " #" + (opIndex + 1);
  }
}
