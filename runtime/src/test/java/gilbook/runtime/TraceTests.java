package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTests {

  private static Interpreter busyRun(Interpreter.Builder builder) {
    Interpreter interp = builder.build();
    interp.start("cpu", Runs.spin(300_000));
    interp.start(
        "io",
        () -> {
          Work.io(Duration.ofMillis(2));
          PyList.ofStrings("temporary").decref();
          Eval.allowThreads(() -> Work.cpu(Duration.ofMillis(1)));
        });
    interp.awaitThreads();
    return interp;
  }

  @Test
  void everyKindOfGilEventIsRecorded() {
    try (Interpreter interp = busyRun(Runs.virtual(1))) {
      Set<TraceEvent.Kind> seen = EnumSet.noneOf(TraceEvent.Kind.class);
      interp.trace().events().forEach(e -> seen.add(e.kind()));
      Set<TraceEvent.Kind> expected = EnumSet.allOf(TraceEvent.Kind.class);
      expected.remove(TraceEvent.Kind.EXCEPTION);
      assertEquals(expected, seen);
    }
  }

  @Test
  void perThreadStatsAddUpToTheThreadsLifetime() {
    try (Interpreter interp = busyRun(Runs.virtual(1))) {
      for (ThreadStats s : interp.threadStats()) {
        long accounted = s.held() + s.waited() + s.ranWithoutGil() + s.blocked();
        assertEquals(s.ended() - s.started(), accounted, "every nanosecond of " + s.name());
        assertTrue(s.longestHold() <= s.held());
      }
      ThreadStats io = interp.threadStats("io");
      assertEquals(Duration.ofMillis(2).toNanos(), io.blocked());
      assertEquals(Duration.ofMillis(1).toNanos(), io.ranWithoutGil());
      assertEquals(3, io.acquisitions());
      assertTrue(io.dropRequestsCaused() >= 1, "after its I/O it had to ask the CPU thread");
    }
  }

  @Test
  void listenersHearEventsThroughTheirSpecificMethodsOrOnEvent() {
    List<String> takes = new ArrayList<>();
    List<TraceEvent> everything = new ArrayList<>();
    Interpreter interp = Runs.virtual(1).build();
    interp.addListener(
        new GilListener() {
          @Override
          public void onTake(TraceEvent event) {
            takes.add(event.thread());
          }
        });
    interp.addListener(
        new GilListener() {
          @Override
          public void onEvent(TraceEvent event) {
            everything.add(event);
          }
        });
    interp.addListener(new GilListener() {}); // all defaults: does nothing, breaks nothing
    interp.run(() -> Work.io(Duration.ofMillis(1)));
    assertEquals(List.of("MainThread", "MainThread"), takes);
    assertEquals(interp.trace().events(), everything);
    interp.close();
  }

  @Test
  void theJsonExportCarriesSettingsThreadsAndEvents(@TempDir Path dir) throws Exception {
    try (Interpreter interp = busyRun(Runs.virtual(9))) {
      Path file = dir.resolve("trace.json");
      interp.trace().writeJson(file);
      String json = Files.readString(file);
      assertTrue(json.startsWith("{\"format\":\"gilbook-trace/1\",\"clock\":\"virtual\""), json);
      assertTrue(json.contains("\"seed\":9"), json);
      assertTrue(json.contains("\"switchIntervalNs\":5000000"), json);
      assertTrue(json.contains("\"name\":\"io\""), json);
      assertTrue(json.contains("\"kind\":\"drop_request\""), json);
      assertTrue(json.contains("\"detail\":\"list object at 0x"), json);
      assertTrue(json.endsWith("]}"), json);
      assertEquals(count(json, '{'), count(json, '}'));
      assertEquals(count(json, '['), count(json, ']'));
    }
  }

  @Test
  void aFullTraceCountsWhatItDropsWhileStatsStayExact() {
    try (Interpreter interp = busyRun(Runs.virtual(1).traceCapacity(10))) {
      assertEquals(10, interp.trace().events().size());
      assertTrue(interp.trace().droppedEvents() > 0);
      assertEquals(3, interp.threadStats("io").acquisitions());
    }
  }

  private static long count(String s, char c) {
    return s.chars().filter(ch -> ch == c).count();
  }
}
