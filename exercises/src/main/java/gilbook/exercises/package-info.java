/**
 * Exercise contracts, the JShell harness and the graded checks.
 *
 * <p>This module sits between the simulated runtime and the app: it may use {@code
 * gilbook.runtime}, and nothing here knows about the CLI or the window.
 */
package gilbook.exercises;
