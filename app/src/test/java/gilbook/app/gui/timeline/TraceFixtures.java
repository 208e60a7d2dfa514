package gilbook.app.gui.timeline;

import gilbook.runtime.Clock;
import gilbook.runtime.Eval;
import gilbook.runtime.Interpreter;
import gilbook.runtime.Work;
import java.time.Duration;

/** Traces for the timeline tests: one written by hand with known times, one from a real run. */
final class TraceFixtures {
  private TraceFixtures() {}

  /**
   * Three threads. A holds the GIL from 0 until B's drop request makes it drop at 5.0001 ms; B
   * holds until A's request makes it drop at 10.0002 ms; A computes with the GIL held for 1.2 ms
   * and exits at 12 ms. B then releases the GIL for a 2 ms hash, io takes it, blocks 1 ms in I/O
   * and exits; B takes the GIL back at 14.5 ms and still holds it when the trace ends at 15 ms. The
   * {@code threads} array says what the runtime writes: B's last, open hold is not in its {@code
   * heldNs}.
   */
  static final String THREE_THREADS =
      """
      {"format":"gilbook-trace/1","clock":"virtual","seed":1,"switchIntervalNs":5000000,
       "forceSwitching":true,"switchNumber":6,"droppedEvents":0,
       "threads":[
        {"id":1,"name":"A","heldNs":6999900,"waitedNs":5000100,"ranWithoutGilNs":0,
         "blockedNs":0,"cpuWithGilNs":1200000,"acquisitions":2,"longestHoldNs":5000100,
         "dropRequestsCaused":1,"forcedSwitchWaits":1,"instructions":10,"startedNs":0,
         "endedNs":12000000},
        {"id":2,"name":"B","heldNs":5500100,"waitedNs":6999900,"ranWithoutGilNs":2000000,
         "blockedNs":0,"cpuWithGilNs":0,"acquisitions":3,"longestHoldNs":5000100,
         "dropRequestsCaused":1,"forcedSwitchWaits":1,"instructions":10,"startedNs":0,
         "endedNs":-1},
        {"id":3,"name":"io","heldNs":100000,"waitedNs":1500000,"ranWithoutGilNs":0,
         "blockedNs":1000000,"cpuWithGilNs":0,"acquisitions":2,"longestHoldNs":100000,
         "dropRequestsCaused":0,"forcedSwitchWaits":0,"instructions":0,"startedNs":11000000,
         "endedNs":13600000}],
       "events":[
        {"t":0,"threadId":1,"thread":"A","kind":"thread_start"},
        {"t":0,"threadId":1,"thread":"A","kind":"take_request"},
        {"t":0,"threadId":1,"thread":"A","kind":"take"},
        {"t":0,"threadId":2,"thread":"B","kind":"thread_start"},
        {"t":0,"threadId":2,"thread":"B","kind":"take_request"},
        {"t":5000000,"threadId":2,"thread":"B","kind":"drop_request"},
        {"t":5000100,"threadId":1,"thread":"A","kind":"drop","detail":"drop request"},
        {"t":5000100,"threadId":2,"thread":"B","kind":"take"},
        {"t":5000100,"threadId":1,"thread":"A","kind":"forced_switch_wait"},
        {"t":5000100,"threadId":1,"thread":"A","kind":"take_request"},
        {"t":10000100,"threadId":1,"thread":"A","kind":"drop_request"},
        {"t":10000200,"threadId":2,"thread":"B","kind":"drop","detail":"drop request"},
        {"t":10000200,"threadId":1,"thread":"A","kind":"take"},
        {"t":10000200,"threadId":2,"thread":"B","kind":"forced_switch_wait"},
        {"t":10000200,"threadId":2,"thread":"B","kind":"take_request"},
        {"t":11000000,"threadId":3,"thread":"io","kind":"thread_start"},
        {"t":11000000,"threadId":3,"thread":"io","kind":"take_request"},
        {"t":10000200,"threadId":1,"thread":"A","kind":"cpu",
         "detail":"Work.cpu (holding the GIL)","duration":1200000},
        {"t":12000000,"threadId":1,"thread":"A","kind":"drop","detail":"exit"},
        {"t":12000000,"threadId":1,"thread":"A","kind":"thread_exit"},
        {"t":12000000,"threadId":2,"thread":"B","kind":"take"},
        {"t":12500000,"threadId":2,"thread":"B","kind":"drop","detail":"hashlib.sha256"},
        {"t":12500000,"threadId":3,"thread":"io","kind":"take"},
        {"t":12500000,"threadId":3,"thread":"io","kind":"drop","detail":"io"},
        {"t":12500000,"threadId":3,"thread":"io","kind":"blocked","detail":"io",
         "duration":1000000},
        {"t":13500000,"threadId":3,"thread":"io","kind":"take_request"},
        {"t":13500000,"threadId":3,"thread":"io","kind":"take"},
        {"t":13600000,"threadId":3,"thread":"io","kind":"drop","detail":"exit"},
        {"t":13600000,"threadId":3,"thread":"io","kind":"thread_exit"},
        {"t":12500000,"threadId":2,"thread":"B","kind":"cpu",
         "detail":"hashlib.sha256 (GIL released)","duration":2000000},
        {"t":14500000,"threadId":2,"thread":"B","kind":"take_request"},
        {"t":14500000,"threadId":2,"thread":"B","kind":"take"},
        {"t":15000000,"threadId":2,"thread":"B","kind":"object_freed","detail":"list"}]}
      """;

  /**
   * Chapter 8's exercise as shipped, cut to three of its threads: {@code ./gilbook run
   * exercises/08-embedding-python/embed_with_workers.jsh --trace=OUT.json}. Main takes the GIL in
   * {@code PythonEngine.initialize}, never releases it, does 28 ms of .NET work under it and then
   * waits for the workers, which wait for the GIL: a deadlock ends the run at 30.314717 ms with
   * Main still holding the GIL. The runtime counts a hold when it is dropped, so its {@code
   * threads} array says Main held the GIL for 0 ns and Worker-0 waited 0 ns.
   */
  static final String MAIN_HOLDS_THE_GIL_AT_A_DEADLOCK =
      """
      {"format":"gilbook-trace/1","clock":"virtual","switchIntervalNs":5000000,
       "forceSwitching":true,"switchNumber":1,"droppedEvents":0,
       "threads":[
        {"id":1,"name":"Main","heldNs":0,"waitedNs":0,"ranWithoutGilNs":0,"blockedNs":0,
         "cpuWithGilNs":28000000,"acquisitions":2,"longestHoldNs":0,"dropRequestsCaused":0,
         "forcedSwitchWaits":0,"instructions":0,"startedNs":0,"endedNs":-1},
        {"id":2,"name":"Worker-0","heldNs":0,"waitedNs":0,"ranWithoutGilNs":0,"blockedNs":0,
         "cpuWithGilNs":0,"acquisitions":0,"longestHoldNs":0,"dropRequestsCaused":6,
         "forcedSwitchWaits":0,"instructions":0,"startedNs":0,"endedNs":-1},
        {"id":3,"name":"Worker-1","heldNs":0,"waitedNs":0,"ranWithoutGilNs":0,
         "blockedNs":30314717,"cpuWithGilNs":0,"acquisitions":0,"longestHoldNs":0,
         "dropRequestsCaused":0,"forcedSwitchWaits":0,"instructions":0,"startedNs":0,
         "endedNs":-1}],
       "events":[
        {"t":0,"threadId":1,"thread":"Main","kind":"thread_start"},
        {"t":0,"threadId":1,"thread":"Main","kind":"take_request"},
        {"t":0,"threadId":1,"thread":"Main","kind":"take"},
        {"t":0,"threadId":1,"thread":"Main","kind":"drop","detail":"gil state release"},
        {"t":0,"threadId":1,"thread":"Main","kind":"take_request"},
        {"t":0,"threadId":1,"thread":"Main","kind":"take"},
        {"t":0,"threadId":3,"thread":"Worker-1","kind":"thread_start"},
        {"t":0,"threadId":2,"thread":"Worker-0","kind":"thread_start"},
        {"t":0,"threadId":2,"thread":"Worker-0","kind":"take_request"},
        {"t":5000000,"threadId":2,"thread":"Worker-0","kind":"drop_request"},
        {"t":10000000,"threadId":2,"thread":"Worker-0","kind":"drop_request"},
        {"t":15000000,"threadId":2,"thread":"Worker-0","kind":"drop_request"},
        {"t":20000000,"threadId":2,"thread":"Worker-0","kind":"drop_request"},
        {"t":25000000,"threadId":2,"thread":"Worker-0","kind":"drop_request"},
        {"t":0,"threadId":1,"thread":"Main","kind":"cpu",
         "detail":"Work.cpu (holding the GIL)","duration":28000000},
        {"t":30000000,"threadId":2,"thread":"Worker-0","kind":"drop_request"},
        {"t":0,"threadId":3,"thread":"Worker-1","kind":"blocked","detail":"sleep",
         "duration":30314717},
        {"t":30314717,"threadId":3,"thread":"Worker-1","kind":"take_request"}]}
      """;

  /**
   * {@code threads} threads named T1, T2, and so on, all started at 0: each in turn holds the GIL
   * for 1 ms and exits.
   */
  static String roundRobin(int threads) {
    StringBuilder events = new StringBuilder();
    for (int i = 1; i <= threads; i++) {
      String who = "\"threadId\":" + i + ",\"thread\":\"T" + i + "\"";
      long take = (i - 1) * 1_000_000L;
      long drop = take + 1_000_000L;
      events
          .append(events.isEmpty() ? "" : ",\n")
          .append(event(0, who, "thread_start", ""))
          .append(",\n")
          .append(event(0, who, "take_request", ""))
          .append(",\n")
          .append(event(take, who, "take", ""))
          .append(",\n")
          .append(event(drop, who, "drop", "exit"))
          .append(",\n")
          .append(event(drop, who, "thread_exit", ""));
    }
    return "{\"format\":\"gilbook-trace/1\",\"clock\":\"virtual\",\"events\":[\n" + events + "]}";
  }

  private static String event(long t, String who, String kind, String detail) {
    return "{\"t\":"
        + t
        + ","
        + who
        + ",\"kind\":\""
        + kind
        + "\""
        + (detail.isEmpty() ? "" : ",\"detail\":\"" + detail + "\"")
        + "}";
  }

  /** A real run in virtual time: two CPU-bound threads and one that does I/O five times. */
  static String realRun() {
    try (Interpreter interp = Interpreter.builder().clock(Clock.virtual(1)).build()) {
      interp.start("cpu-1", () -> Eval.loop(300_000, i -> Eval.instruction()));
      interp.start("cpu-2", () -> Eval.loop(300_000, i -> Eval.instruction()));
      interp.start(
          "io",
          () -> {
            for (int i = 0; i < 5; i++) {
              Work.io(Duration.ofMillis(1));
            }
          });
      interp.awaitThreads();
      return interp.trace().toJson();
    }
  }
}
