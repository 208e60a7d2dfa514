package gilbook.runtime.threading;

import static gilbook.runtime.Runs.now;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gilbook.runtime.Interpreter;
import gilbook.runtime.Runs;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EventTests {

  @Test
  void settingAnEventWakesEveryWaiter() {
    try (Interpreter interp = Runs.virtual(3).build()) {
      Event ready = new Event(interp, "ready");
      Map<String, Long> wokeAt = new TreeMap<>();
      for (String name : new String[] {"W1", "W2", "W3"}) {
        interp.start(
            name,
            () -> {
              assertTrue(ready.await());
              wokeAt.put(name, now());
            });
      }
      interp.start(
          "setter",
          () -> {
            Runs.sleepMillis(2);
            ready.set();
          });
      Runs.finish(interp);
      assertEquals(3, wokeAt.size(), wokeAt.toString());
      wokeAt.values().forEach(t -> assertTrue(t >= 2_000_000, wokeAt.toString()));
      assertTrue(ready.isSet());
    }
  }

  @Test
  void aWaitOnASetEventReturnsAtOnceAndClearResetsIt() {
    try (Interpreter interp = Runs.virtual(1).build()) {
      interp.run(
          () -> {
            Event e = new Event("e");
            e.set();
            long before = now();
            assertTrue(e.await(1));
            assertEquals(before, now());
            e.clear();
            assertFalse(e.isSet());
            assertFalse(e.await(0.001));
            assertEquals(1_000_000, now() - before);
          });
    }
  }
}
