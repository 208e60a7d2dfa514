package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InterpreterTests {

  @Nested
  class Settings {

    private String problem(Interpreter.Builder builder) {
      return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    @Test
    void aNegativeIntervalNamesTheSettingAndItsRange() {
      String message = problem(Interpreter.builder().switchInterval(Duration.ofMillis(-5)));
      assertTrue(message.contains("switchInterval"), message);
      assertTrue(message.contains("more than 0 and at most 1 hour"), message);
    }

    @Test
    void zeroCoresNamesTheSettingAndItsRange() {
      String message = problem(Interpreter.builder().cores(0));
      assertTrue(message.contains("cores must be between 1 and 1024, got 0"), message);
    }

    @Test
    void aNullClockSaysWhichClocksExist() {
      String message = problem(Interpreter.builder().clock(null));
      assertTrue(message.contains("clock must not be null"), message);
      assertTrue(message.contains("Clock.virtual(seed) or Clock.real()"), message);
    }

    @Test
    void everyBadSettingIsNamedAtOnce() {
      String message =
          problem(
              Interpreter.builder()
                  .cores(-1)
                  .jitter(2)
                  .evalBreakerPolicy(null)
                  .instructionCost(Duration.ZERO));
      for (String setting :
          new String[] {"cores", "jitter", "evalBreakerPolicy", "instructionCost"}) {
        assertTrue(message.contains(setting), setting + " missing from: " + message);
      }
    }

    @Test
    void aClockServesOnlyOneInterpreter() {
      Clock clock = Clock.virtual(1);
      try (Interpreter first = Interpreter.builder().clock(clock).build()) {
        IllegalStateException error =
            assertThrows(
                IllegalStateException.class, () -> Interpreter.builder().clock(clock).build());
        assertTrue(error.getMessage().contains("already belongs to an interpreter"));
        assertEquals(clock, first.clock());
      }
    }

    @Test
    void buildingTwiceGivesTwoIndependentInterpretersWithTheSameSettings() {
      Interpreter.Builder builder =
          Runs.virtual(7).switchInterval(Duration.ofMillis(2)).jitter(0.3).cores(3);
      try (Interpreter first = builder.build();
          Interpreter second = builder.build()) {
        assertNotSame(first.clock(), second.clock());
        assertEquals(Duration.ofMillis(2), second.switchInterval());
        assertEquals(3, second.cores());
        assertEquals(twoSpinners(first), twoSpinners(second), "same seed, same trace");
        assertEquals(first.trace().toJson(), second.trace().toJson());
      }
    }

    @Test
    void aBuilderChangedAfterBuildLeavesTheBuiltInterpreterAlone() {
      Interpreter.Builder builder = Runs.virtual(1).switchInterval(Duration.ofMillis(2));
      try (Interpreter first = builder.build()) {
        builder.switchInterval(Duration.ofMillis(9)).forceSwitching(false);
        try (Interpreter second = builder.build()) {
          assertEquals(Duration.ofMillis(2), first.switchInterval());
          assertTrue(first.forceSwitching());
          assertEquals(Duration.ofMillis(9), second.switchInterval());
          assertFalse(second.forceSwitching());
        }
      }
    }

    @Test
    void aBuilderWithABadSettingFailsEveryTimeItBuilds() {
      Interpreter.Builder builder = Interpreter.builder().cores(0);
      String first = problem(builder);
      assertEquals(first, problem(builder));
    }

    private List<TraceEvent> twoSpinners(Interpreter interp) {
      interp.start("A", Runs.spin(400_000));
      interp.start("B", Runs.spin(400_000));
      interp.awaitThreads();
      return interp.trace().events();
    }

    @Test
    void theDefaultsAreCpythons() {
      try (Interpreter interp = Interpreter.builder().build()) {
        assertEquals(Duration.ofMillis(5), interp.switchInterval());
        assertTrue(interp.forceSwitching());
        assertEquals(EvalBreakerPolicy.BACK_EDGES_AND_CALLS, interp.evalBreakerPolicy());
        assertTrue(interp.clock().isVirtual());
      }
    }
  }

  @Nested
  class Misuse {

    @Test
    void takingTheGilTwiceIsAnErrorNotAHang() {
      GilStateError error =
          assertThrows(
              GilStateError.class,
              () -> Runs.virtual(1).build().run(() -> Eval.restoreThread(PyThreadState.get())));
      assertTrue(error.getMessage().contains("already holds the GIL"), error.getMessage());
    }

    @Test
    void droppingAGilYouDoNotHoldIsAnError() {
      GilStateError error =
          assertThrows(
              GilStateError.class,
              () ->
                  Runs.virtual(1)
                      .build()
                      .run(() -> Eval.allowThreads(() -> Eval.allowThreads(() -> {}))));
      assertTrue(error.getMessage().contains("does not hold it"), error.getMessage());
    }

    @Test
    void restoringAnotherThreadsStateIsAnError() {
      AtomicReference<PyThreadState> other = new AtomicReference<>();
      Interpreter interp = Runs.virtual(1).build();
      interp.run(() -> other.set(PyThreadState.get()));
      GilStateError error =
          assertThrows(
              GilStateError.class,
              () ->
                  interp.run(
                      () -> {
                        Eval.saveThread();
                        Eval.restoreThread(other.get());
                      }));
      assertTrue(error.getMessage().contains("on the thread that saved it"), error.getMessage());
    }

    @Test
    void anExceptionInAThreadIsRecordedAndTheRunGoesOn() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        interp.start(
            "bad",
            () -> {
              throw new IllegalArgumentException("boom");
            });
        interp.start("good", Runs.spin(10));
        interp.awaitThreads();
        assertEquals("boom", interp.threadExceptions().get("bad").getMessage());
        assertFalse(interp.threadExceptions().containsKey("good"));
        assertEquals(1, interp.trace().events(TraceEvent.Kind.EXCEPTION).size());
      }
    }
  }

  @Nested
  class NativeThreads {

    @Test
    void aNativeThreadStartsWithoutTheGilAndTakesItWithGilStateEnsure() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        boolean[] seen = new boolean[3];
        interp.startNative(
            "rust-worker",
            () -> {
              seen[0] = PyThreadState.get().holdsGil();
              boolean taken = interp.gilStateEnsure();
              seen[1] = taken && PyThreadState.get().holdsGil();
              PyList.ofStrings("made with the GIL").decref();
              interp.gilStateRelease(taken);
              seen[2] = PyThreadState.get().holdsGil();
            });
        interp.awaitThreads();
        assertFalse(seen[0], "a native thread starts without the GIL");
        assertTrue(seen[1]);
        assertFalse(seen[2]);
        assertTrue(interp.shutdown().clean(), interp.shutdown().toString());
      }
    }

    @Test
    void aNativeThreadTouchingObjectsWithoutTheGilIsStopped() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        interp.startNative("rust-worker", PyList::empty);
        interp.awaitThreads();
        assertTrue(
            interp.threadExceptions().get("rust-worker") instanceof GilNotHeldError,
            interp.threadExceptions().toString());
      }
    }

    @Test
    void blockingWaitsReleaseTheGilAndAreRecorded() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        interp.run(() -> Eval.blocking("lock my_lock", () -> Work.sleep(Duration.ZERO)));
        TraceEvent drop = interp.trace().events(TraceEvent.Kind.DROP).get(0);
        assertEquals("lock my_lock", drop.detail());
      }
    }
  }

  @Nested
  class EndsOfARun {

    @Test
    void aLockVersusGilDeadlockIsReportedNamingEachThread() {
      Interpreter interp = Runs.virtual(1).build();
      Mutex lock = interp.clock().newMutex("user_lock");
      interp.start(
          "B",
          () -> {
            lock.lock(); // B holds user_lock and the GIL
            Work.sleep(Duration.ofMillis(1)); // releases the GIL; A takes it
            lock.unlock(); // never reached: B cannot get the GIL back
          });
      interp.start(
          "A",
          () -> {
            Work.sleep(Duration.ofNanos(500_000));
            lock.lock(); // blocks while holding the GIL
          });
      DeadlockError error = assertThrows(DeadlockError.class, interp::awaitThreads);
      String report = error.getMessage();
      assertTrue(report.contains("A waits for mutex user_lock (held by B)"), report);
      assertTrue(report.contains("B waits for the GIL (held by A)"), report);

      ShutdownReport shutdown = interp.shutdown();
      assertTrue(shutdown.runEnd().contains("deadlock"), shutdown.toString());
    }

    @Test
    void aLoopThatNeverEndsHitsTheVirtualTimeLimit() {
      Interpreter interp = Runs.virtual(1).timeLimit(Duration.ofMillis(20)).build();
      TimeLimitError error =
          assertThrows(
              TimeLimitError.class,
              () ->
                  interp.run(
                      () -> {
                        while (true) {
                          Eval.backEdge();
                        }
                      }));
      assertTrue(error.getMessage().contains("past the limit of 20.000 ms"), error.getMessage());
      interp.close();
    }

    @Test
    void joinWaitsForTheThreadAndReleasesTheGil() {
      try (Interpreter interp = Runs.virtual(1).build()) {
        interp.run(
            () -> {
              PyThread worker = interp.start("worker", Runs.spin(100_000));
              worker.join();
            });
        ThreadStats main = interp.threadStats("MainThread");
        ThreadStats worker = interp.threadStats("worker");
        assertEquals(worker.ended(), main.ended(), "main ends when the worker does");
        assertEquals(worker.held(), main.blocked(), "main was blocked while the worker ran");
      }
    }

    @Test
    void shutdownWithLiveVirtualThreadsReportsThemAndReturns() {
      Interpreter interp = Runs.virtual(1).build();
      interp.startDaemon("forever", () -> Work.sleep(Duration.ofDays(365)));
      interp.run(() -> {});
      ShutdownReport report = interp.shutdown();
      assertEquals(1, report.liveThreads().size(), report.toString());
      assertTrue(report.liveThreads().get(0).startsWith("forever"), report.toString());
    }

    @Test
    void shutdownWithARunawayRealThreadReportsItAndStopsIt() {
      Interpreter interp = Runs.real().shutdownTimeout(Duration.ofMillis(200)).build();
      PyThread runaway =
          interp.start(
              "runaway",
              () -> {
                while (true) {
                  Eval.backEdge();
                }
              });
      // The loop never ends by itself, so it is still running when the shutdown timeout passes,
      // however fast or slow the machine.
      ShutdownReport report = interp.shutdown();
      assertEquals(1, report.liveThreads().size(), report.toString());
      assertTrue(report.liveThreads().get(0).startsWith("runaway"), report.toString());
      assertTrue(report.runEnd().contains("still running"), report.toString());
      // Shutdown stops it at its next back edge. Waiting for that ends the test's only spinning
      // thread here, instead of leaving it to burn a core beside the tests that run after this.
      runaway.join();
      assertFalse(runaway.isAlive(), "the runaway thread was not stopped by shutdown()");
    }

    @Test
    void aShutDownInterpreterRefusesNewThreads() {
      Interpreter interp = Runs.virtual(1).build();
      interp.close();
      IllegalStateException error =
          assertThrows(IllegalStateException.class, () -> interp.start("late", () -> {}));
      assertTrue(error.getMessage().contains("shut down"), error.getMessage());
      assertTrue(interp.shutdown().clean());
    }
  }
}
