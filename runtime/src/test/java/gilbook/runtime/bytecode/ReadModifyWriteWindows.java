package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.BytecodeTests.listing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The read / call / write windows of the {@code window_*.dis} listings: {@code work(N)} reads the
 * global {@code counter}, makes one call, and writes it back plus one. Run by 4 threads at a 1 µs
 * switch interval, they show which calls 3.11 checks the eval breaker in.
 */
final class ReadModifyWriteWindows {
  private ReadModifyWriteWindows() {}

  /** How many of the 4 × {@code n} updates the window lost, under the 3.11 policy. */
  static long lost(String file, long n, long seed) {
    DisRun.Result r =
        DisRun.builder(listing(file))
            .entry("work")
            .threads(4)
            .args(Map.of("N", n))
            .globals(Map.of("counter", 0L, "items", List.of(7L)))
            .switchInterval(Duration.ofNanos(1_000))
            .seed(seed)
            .run();
    assertEquals(Map.of(), r.errors());
    assertTrue(r.switches() > n, "the threads must interleave, seed " + seed);
    assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
    return 4 * n - (Long) r.globals().get("counter");
  }

  /**
   * The call checks only before the code is quickened: a few updates are lost while the four
   * threads warm it up together, and the loss does not grow with N.
   */
  static void losesOnlyDuringWarmup(String file) {
    for (long seed = 1; seed <= 3; seed++) {
      long shortRun = lost(file, 1_000, seed);
      long longRun = lost(file, 4_000, seed);
      assertTrue(shortRun <= 32, "lost " + shortRun + " of 4000, seed " + seed);
      assertEquals(shortRun, longRun, "the loss must not grow with N, seed " + seed);
    }
  }
}
