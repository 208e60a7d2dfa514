package gilbook.app.engine;

/**
 * Why an exercise could not be graded normally. Immutable.
 *
 * @param kind {@code file}, {@code compile}, {@code exception}, {@code contract}, {@code timeout},
 *     {@code deadlock}, {@code exit}, {@code crash}, {@code stray-thread} or {@code internal}
 * @param message what happened and what to do next, for the learner
 */
public record Verdict(String kind, String message) {}
