package gilbook.exercises.worker.warmup;

import org.junit.jupiter.api.Test;

/**
 * A check class that always passes, run once by a standby worker to load and warm the JUnit
 * Platform. It lives in a package of its own because JUnit needs its package opened to it: the
 * worker's own package must stay closed (see the worker's Encapsulation).
 */
public final class WarmupCheck {
  @Test
  void warm() {}
}
