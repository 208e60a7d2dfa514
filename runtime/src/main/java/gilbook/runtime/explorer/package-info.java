/**
 * The interleaving explorer: what happens to {@code ob_refcnt} when threads run {@code Py_INCREF}
 * and {@code Py_DECREF} without the GIL.
 *
 * <p>Each operation is three micro-steps (LOAD, ADD, STORE). {@link
 * gilbook.runtime.explorer.InterleavingExplorer} enumerates every interleaving of the threads'
 * micro-steps for small cases, or samples them uniformly with a seed for large ones, and classifies
 * each {@link gilbook.runtime.explorer.Schedule} as an {@link gilbook.runtime.explorer.Outcome}:
 * correct, leak, or premature free. {@link gilbook.runtime.explorer.Schedule#describe()} prints a
 * losing schedule step by step, and {@link gilbook.runtime.explorer.InterleavingExplorer#replay}
 * replays a chosen (possibly partial) order of micro-steps.
 *
 * <p>For several objects and locks, a {@link gilbook.runtime.explorer.Workload} (INCREF, DECREF and
 * STORE_REF of an item into a container) becomes a {@link gilbook.runtime.explorer.Program} when a
 * design adds ACQUIRE and RELEASE steps around each {@link gilbook.runtime.explorer.Operation};
 * {@link gilbook.runtime.explorer.Program#explore()} runs every schedule the blocking locks allow
 * and reports each {@link gilbook.runtime.explorer.ProgramOutcome}, deadlocks included.
 */
package gilbook.runtime.explorer;
