package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.BytecodeTests.count;
import static gilbook.runtime.bytecode.BytecodeTests.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole modules and threading in the VM (issue 13, section 2), on listings made by python3 3.11.7
 * with {@code python3 -m dis}-style whole-module output ({@code make_listings.sh}), compared with
 * what real python3 printed for the same file ({@code NAME.out}, made by the same script).
 */
class ModulesTests {
  static DisRun.Result reward(String file, CheckPointPolicy policy, long seed, int threads) {
    Map<String, Object> stat = new LinkedHashMap<>();
    stat.put("piece_count", 0L);
    stat.put("reward_count", 0L);
    return DisRun.builder(listing(file))
        .entry("process_piece")
        .threads(threads)
        .args(Map.of("stat", stat, "N", 2_000L))
        .policy(policy)
        .switchInterval(Duration.ofNanos(1_000))
        .seed(seed)
        .run();
  }

  static void clean(DisRun.Result r) {
    assertTrue(r.errors().isEmpty(), r.errors().toString());
    assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
    assertTrue(r.shutdown().threadExceptions().isEmpty(), r.shutdown().toString());
  }

  /** The done-when: exact counts with `with lock:` under every policy, seeds 1 to 20. */
  @ParameterizedTest
  @EnumSource(CheckPointPolicy.class)
  void theRewardCounterWithItsLockIsExactUnderEveryPolicy(CheckPointPolicy policy) {
    for (long seed = 1; seed <= 20; seed++) {
      DisRun.Result r = reward("reward_lock.dis", policy, seed, 4);
      clean(r);
      assertEquals(8_000, count(r, "piece_count"), policy + " seed " + seed);
      assertEquals(800, count(r, "reward_count"), policy + " seed " + seed);
    }
  }

  /** The same loop without the lock races under tick (so the lock is what makes it exact)... */
  @Test
  void withoutTheLockTheLoopLosesUpdatesUnderTick() {
    long lost = 0;
    for (long seed = 1; seed <= 5; seed++) {
      DisRun.Result r = reward("reward.dis", CheckPointPolicy.TICK, seed, 4);
      clean(r);
      lost += 8_000 - count(r, "piece_count");
    }
    assertTrue(lost > 0, "tick should interleave inside the unlocked read/modify/write");
  }

  /**
   * ...and under 3.11 it gives CPython 3.11.7's outcome: no lost piece and no lost reward (4
   * threads, 200,000 iterations each at a 1 µs switch interval gave 800,000 and 80,000 in 3 of 3
   * runs), since its only check point in the loop is the back jump.
   */
  @Test
  void withoutTheLockUnder311NoRewardIsLostAsInCPython() {
    for (long seed = 1; seed <= 20; seed++) {
      DisRun.Result r = reward("reward.dis", CheckPointPolicy.PY_311, seed, 4);
      clean(r);
      assertEquals(8_000, count(r, "piece_count"), "seed " + seed);
      assertEquals(800, count(r, "reward_count"), "seed " + seed);
    }
  }

  @Test
  void theModuleRunsFirstAndItsMainBlockIsSkippedWhenAnEntryIsNamed() {
    DisRun.Result r = reward("reward_lock.dis", CheckPointPolicy.PY_311, 1, 1);
    clean(r);
    assertEquals("", r.stdout(), "the __main__ block ran");
    assertEquals(2_000, count(r, "piece_count"));
    assertEquals(Map.of(), r.globals(), "modules, locks and functions are not data globals");
  }

  /** Run as a script, the module's own Thread(...).start()/join() give python3's output. */
  @ParameterizedTest
  @EnumSource(CheckPointPolicy.class)
  void asMainTheRewardModulePrintsWhatPython3Printed(CheckPointPolicy policy) {
    for (long seed = 1; seed <= 5; seed++) {
      DisRun.Result r =
          DisRun.builder(listing("reward_lock.dis"))
              .asMain()
              .policy(policy)
              .switchInterval(Duration.ofNanos(1_000))
              .seed(seed)
              .run();
      clean(r);
      assertEquals(listing("reward_lock.out"), r.stdout(), policy + " seed " + seed);
    }
  }

  /**
   * A thread the listing starts ends on an uncaught KeyError: its traceback goes to stderr, headed
   * as python3's threading.excepthook heads it, and the main thread goes on (thread_raises.out).
   */
  @ParameterizedTest
  @EnumSource(CheckPointPolicy.class)
  void aThreadTheListingStartedPrintsItsTracebackAndTheOthersGoOn(CheckPointPolicy policy) {
    DisRun.Result r = DisRun.builder(listing("thread_raises.dis")).asMain().policy(policy).run();
    assertEquals(listing("thread_raises.out"), r.stdout());
    assertTrue(
        r.stderr()
            .startsWith(
                "Exception in thread Thread-1 (work):\nTraceback (most recent call last):\n"),
        r.stderr());
    assertTrue(r.stderr().contains("line 8, in work"), r.stderr());
    assertTrue(r.stderr().endsWith("KeyError: 'missing'\n"), r.stderr());
    assertEquals(1, r.stderr().split("Exception in thread", -1).length - 1, r.stderr());
    assertTrue(r.errors().get("Thread-1 (work)").contains("KeyError"), r.errors().toString());
    assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
  }

  /**
   * RLock re-entry, Condition wait/notify in a while loop, Semaphore(2) bounding 5 threads, Event,
   * and a bounded queue.Queue with blocking put/get and None sentinels: python3's output, for every
   * policy and several seeds.
   */
  @ParameterizedTest
  @EnumSource(CheckPointPolicy.class)
  void thePrimitivesPrintWhatPython3Printed(CheckPointPolicy policy) {
    for (long seed = 1; seed <= 5; seed++) {
      DisRun.Result r =
          DisRun.builder(listing("primitives.dis"))
              .asMain()
              .policy(policy)
              .switchInterval(Duration.ofNanos(5_000))
              .seed(seed)
              .run();
      clean(r);
      assertEquals(listing("primitives.out"), r.stdout(), policy + " seed " + seed);
    }
  }

  static DisRun.Result errors(String entry, Map<String, Object> args) {
    return DisRun.builder(listing("threading_errors.dis")).entry(entry).threads(1).args(args).run();
  }

  /** Each misuse ends the thread with the exception python3 3.11.7 raised for it. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "over_release|ValueError: Semaphore released too many times",
        "release_unlocked|RuntimeError: release unlocked lock",
        "release_unowned_rlock|RuntimeError: cannot release un-acquired lock",
        "wait_unacquired|RuntimeError: cannot wait on un-acquired lock",
        "join_unstarted|RuntimeError: cannot join thread before it is started",
        "start_twice|RuntimeError: threads can only be started once",
        "import_unknown|ModuleNotFoundError: No module named 'os' in this VM; it has the modules"
            + " queue, threading and time",
        "missing_attribute|AttributeError: module 'threading' has no attribute 'Barrier' in this"
            + " VM; it has [BoundedSemaphore, Condition, Event, Lock, RLock, Semaphore, Thread,"
            + " current_thread, get_ident]"
      })
  void misusesRaiseWhatCPythonRaises(String entry, String error) {
    DisRun.Result r = errors(entry, Map.of());
    assertEquals(Map.of("Thread-1", error), r.errors());
    assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
  }

  @Test
  void withOnSomethingThatIsNotAContextManagerIsATypeError() {
    DisRun.Result r = errors("with_a_dict", Map.of("d", Map.of()));
    assertTrue(
        r.errors()
            .get("Thread-1")
            .startsWith("TypeError: 'dict' object does not support the context manager protocol"),
        r.errors().toString());
    assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
  }

  @Test
  void acquireReleaseAndLockedAsMethods() {
    Map<String, Object> stat = new LinkedHashMap<>();
    stat.put("count", 0L);
    DisRun.Result r = errors("explicit_lock", Map.of("stat", stat, "N", 5L));
    clean(r);
    assertEquals(Map.of("count", 5L, "held", true, "after", false), r.args().get("stat"));
  }

  /** time.sleep releases the GIL: two sleepers overlap, neither waits for the other's sleep. */
  @Test
  void timeSleepReleasesTheGil() {
    DisRun.Result r =
        DisRun.builder(listing("threading_errors.dis")).entry("sleeper").threads(2).run();
    clean(r);
    for (gilbook.runtime.ThreadStats t : r.threads()) {
      assertTrue(t.held() < 1_000_000, t.toString());
      assertTrue(t.waited() < 10_000_000, "a thread waited through the other's sleep: " + t);
    }
  }

  /** --globals override what the module assigned: window_len.py sets counter = 0 itself. */
  @Test
  void globalsOverrideTheModulesAssignments() {
    DisRun.Result r =
        DisRun.builder(listing("window_len.dis"))
            .entry("work")
            .threads(1)
            .args(Map.of("N", 10L))
            .globals(Map.of("counter", 100L, "items", java.util.List.of(7L)))
            .run();
    clean(r);
    assertEquals(110L, r.globals().get("counter"));
  }
}
