/**
 * Benchmarks of the simulated runtime: what the GIL costs, how fast the eval loop runs, and how
 * closely real-mode figures follow this machine's own CPython.
 *
 * <p>{@code bench/run} builds the module and runs {@link gilbook.bench.Main}; nothing here runs
 * during the build. The CPython side of each comparison is a script in {@code bench/python/}.
 */
package gilbook.bench;
