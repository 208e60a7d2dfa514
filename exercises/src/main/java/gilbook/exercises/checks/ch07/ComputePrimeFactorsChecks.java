package gilbook.exercises.checks.ch07;

import static gilbook.exercises.grading.Feedback.expect;

import gilbook.exercises.contract.PrimeFactors;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.PyDict;
import gilbook.runtime.PyException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grades "Compute prime factors": the dict, its references, and how little the GIL is held to build
 * it.
 *
 * <p>Every check draws its own ints from {@link Seed#random} under its name: {@link
 * Ch07Inputs#TRIALS} lists of a short, a medium and a long length, of ints built from known primes,
 * each with a factor above 1,000 so that every factoring takes a millisecond or more.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputePrimeFactorsChecks {
  static final String ID = "compute-prime-factors";

  private final PrimeFactors learner = Submission.get(PrimeFactors.class);

  private static SplittableRandom random(String check) {
    return Seed.random("ch07 compute-prime-factors: " + check);
  }

  /** "compute_prime_factors on a list of 7 ints". */
  static String call(int size) {
    return "compute_prime_factors on a list of " + size + " ints";
  }

  /** The learner's dict, read as plain Java with the GIL held, and the run around it. */
  record Run(Extension.Outcome outcome, FactorDict dict) {
    PyException raised() {
      return outcome.raised();
    }
  }

  /** Calls the learner's function; the dict it returns is read, then decref'd (the caller's). */
  private Run call(Extension extension, String what) {
    AtomicReference<FactorDict> dict = new AtomicReference<>(FactorDict.NONE);
    Extension.Outcome out =
        extension.run(
            what,
            (py, numbers) -> {
              PyDict result = learner.compute(py, numbers);
              dict.set(FactorDict.read(result));
              if (result != null) {
                result.decref();
              }
            });
    return new Run(out, dict.get());
  }

  private Run plainRun(List<Ch07Inputs.Factored> ints) {
    return call(Extension.on(values(ints)), call(ints.size()));
  }

  static long[] values(List<Ch07Inputs.Factored> ints) {
    return ints.stream().mapToLong(Ch07Inputs.Factored::value).toArray();
  }

  private static void returnedNormally(Run run, String situation, String rule, String section) {
    expect(
        run.raised() == null,
        situation + ": compute_prime_factors returns a dict",
        () -> "it raised " + Raised.describe(run.raised()),
        Lesson.rule(rule, section, ID));
  }

  /** Fails when no call of {@code Expensive.primeFactors} was made at all. */
  private static void madeFactorCalls(Run run, String situation) {
    expect(
        run.outcome().calls() > 0,
        situation + ": the factors come from Expensive.primeFactors",
        () ->
            "no call to Expensive.primeFactors was made (no computing time at all, with"
                + " or without the GIL), so there was no factoring to run with the GIL released",
        Lesson.rule(
            "the exercise is about running Expensive.primeFactors, the expensive part, without"
                + " the GIL",
            Lesson.STRATEGY_1,
            ID));
  }

  @Test
  @Order(1)
  @DisplayName("maps each int to a new list of its unique prime factors, ascending")
  void mapsEachIntToItsFactors() {
    SplittableRandom random = random("maps each int");
    for (int size : Ch07Inputs.sizes(random)) {
      List<Ch07Inputs.Factored> ints = Ch07Inputs.factoredInts(random, size);
      Run run = plainRun(ints);
      String situation = call(size);
      returnedNormally(
          run,
          situation,
          "nothing else changes the list in this run: read the exception and the line it names",
          Lesson.STRATEGY_1);
      Optional<String> wrong = run.dict().check(ints, expectedKeys(ints));
      expect(
          wrong.isEmpty(),
          situation + ": a dict from each int to the list of its unique prime factors, ascending",
          () -> wrong.orElse(""),
          "each int of the list is a key, and its value is a new list of the int's unique prime"
              + " factors in ascending order, as Expensive.primeFactors returns them; run"
              + " ./gilbook hint "
              + ID
              + ".");
    }
  }

  private static Map<Long, List<Long>> expectedKeys(List<Ch07Inputs.Factored> ints) {
    java.util.LinkedHashMap<Long, List<Long>> out = new java.util.LinkedHashMap<>();
    ints.forEach(f -> out.put(f.value(), f.factors()));
    return out;
  }

  @Test
  @Order(2)
  @DisplayName("returns a new reference to the dict; nothing leaked")
  void returnsANewReferenceAndLeaksNothing() {
    SplittableRandom random = random("new reference");
    for (int size : Ch07Inputs.sizes(random)) {
      Run run = plainRun(Ch07Inputs.factoredInts(random, size));
      String situation = call(size);
      returnedNormally(
          run, situation, "read the exception and the line it names", Lesson.STRATEGY_1);
      int refcnt = run.dict().refcnt();
      expect(
          refcnt == 1,
          situation + ": a dict returned as a new reference (refcount 1), which the caller owns",
          () ->
              (run.dict() == FactorDict.NONE
                  ? "it returned null"
                  : "the dict came back with a refcount of "
                      + refcnt
                      + ", so after the caller drops its reference "
                      + (refcnt > 1 ? "it is never freed" : "it is already freed")),
          Lesson.rule(
              "a function returns one new reference to its result, and keeps none for itself",
              Lesson.WORKBOOK,
              ID));
      expect(
          Leaks.none(run.outcome().end()),
          situation + ": every object freed at shutdown",
          () -> Leaks.describe(run.outcome().end()),
          Lesson.rule(
              "the dict takes its own reference to each key and value it stores; the extension"
                  + " must give back the ones it owns",
              Lesson.WORKBOOK,
              ID));
    }
  }

  @Test
  @Order(3)
  @DisplayName("Expensive.primeFactors never runs while the GIL is held")
  void neverFactorsWithTheGil() {
    SplittableRandom random = random("never factors with the GIL");
    for (int size : Ch07Inputs.sizes(random)) {
      Run run = plainRun(Ch07Inputs.factoredInts(random, size));
      String situation = call(size);
      returnedNormally(
          run, situation, "read the exception and the line it names", Lesson.STRATEGY_1);
      madeFactorCalls(run, situation);
      Extension.Outcome out = run.outcome();
      expect(
          out.callsWithGil() == 0,
          situation + ": every Expensive.primeFactors call runs with the GIL released",
          () ->
              String.format(
                  "%d of %d calls of Expensive.primeFactors ran while the extension held the"
                      + " GIL (%.1f ms in which no other Python thread could run)",
                  out.callsWithGil(), out.calls(), out.extension().cpuWithGil() / 1e6),
          Lesson.rule(
              "factoring touches no Python object, so it does not need the GIL",
              Lesson.STRATEGY_1,
              ID));
      expect(
          out.calls() >= size,
          situation + ": one Expensive.primeFactors call per int",
          () ->
              "only "
                  + (out.calls() == 1 ? "1 computation" : out.calls() + " computations")
                  + " ran for "
                  + size
                  + " ints, so "
                  + (size - out.calls())
                  + " of them were factored without Expensive.primeFactors",
          Lesson.rule(
              "every int is factored by Expensive.primeFactors, with the GIL released",
              Lesson.STRATEGY_1,
              ID));
    }
  }

  @Test
  @Order(4)
  @DisplayName("the extension thread holds the GIL for under 10% of its run")
  void holdsTheGilBriefly() {
    SplittableRandom random = random("holds the GIL briefly");
    for (int size : Ch07Inputs.sizes(random)) {
      Run run = plainRun(Ch07Inputs.factoredInts(random, size));
      String situation = call(size);
      returnedNormally(
          run, situation, "read the exception and the line it names", Lesson.STRATEGY_1);
      madeFactorCalls(run, situation);
      Extension.Outcome out = run.outcome();
      expect(
          out.holdFraction() < 0.10,
          situation + ": the extension holds the GIL for under 10% of its run",
          () ->
              String.format(
                  "it held the GIL for %.0f%% of its run (%.2f of %.2f ms)",
                  100 * out.holdFraction(),
                  out.extension().held() / 1e6,
                  (out.extension().ended() - out.extension().started()) / 1e6),
          Lesson.rule(
              "hold the GIL only to read the ints and to build the dict", Lesson.STRATEGY_1, ID));
    }
  }

  @Test
  @Order(5)
  @DisplayName("another Python thread gets its work done while the extension factors")
  void anotherThreadProgresses() {
    SplittableRandom random = random("another thread progresses");
    for (int size : Ch07Inputs.sizes(random)) {
      Busy busy = Busy.draw(random);
      Run run =
          call(
              Extension.on(values(Ch07Inputs.factoredInts(random, size)))
                  .with(Busy.THREAD, busy::apply),
              call(size) + " beside a busy Python thread");
      String situation = call(size) + " beside " + busy.describe();
      returnedNormally(
          run, situation, "read the exception and the line it names", Lesson.STRATEGY_1);
      madeFactorCalls(run, situation);
      var worker = run.outcome().others().get(Busy.THREAD);
      long extensionEnd = run.outcome().extension().ended();
      expect(
          worker.ended() < extensionEnd,
          situation + ": that thread finishes before the extension does",
          () ->
              String.format(
                  "that thread finished at %.2f ms, after the extension (%.2f ms): it waited"
                      + " %.2f ms for the GIL",
                  worker.ended() / 1e6, extensionEnd / 1e6, worker.waited() / 1e6),
          Lesson.rule(
              "other Python threads can run only while the extension has released the GIL",
              Lesson.STRATEGY_1,
              ID));
    }
  }

  @Test
  @Order(6)
  @DisplayName("survives another thread shrinking the list while the extension factors")
  void survivesAConcurrentShrink() {
    SplittableRandom random = random("survives a shrink");
    for (Shrink shrink : Shrink.trials(random)) {
      List<Ch07Inputs.Factored> ints = Ch07Inputs.factoredInts(random, shrink.size());
      Run run =
          call(
              Extension.on(values(ints)).with(Shrink.THREAD, shrink::apply),
              call(shrink.size()) + " while the list shrinks");
      String situation = call(shrink.size()) + ", and " + shrink.describe("Expensive.primeFactors");
      returnedNormally(
          run,
          situation,
          "while the extension is detached, other threads may shorten the list: an index it had"
              + " may be gone when it holds the GIL again",
          Lesson.DETACHED);
      Optional<String> wrong =
          run.dict().check(ints.subList(0, shrink.remaining()), expectedKeys(ints));
      expect(
          wrong.isEmpty(),
          situation
              + ": a key with the right factors for each of the "
              + shrink.remaining()
              + " ints left (an int read before the removal may stay too)",
          () -> wrong.orElse(""),
          Lesson.rule(
              "the ints the extension read before detaching are still valid; an index it had"
                  + " may not be",
              Lesson.DETACHED,
              ID));
      expect(
          Leaks.none(run.outcome().end()),
          situation + ": every object freed at shutdown",
          () -> Leaks.describe(run.outcome().end()),
          Lesson.rule(
              "a reference the extension owns must be given back on every path",
              Lesson.WORKBOOK,
              ID));
    }
  }
}
