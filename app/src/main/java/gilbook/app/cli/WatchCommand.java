package gilbook.app.cli;

import gilbook.app.engine.CheckOutcome;
import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Exercise;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gilbook watch}: checks the current exercise every time its file is saved, and moves on to
 * the next one only when the learner presses Enter. The next exercise is checked once the learner
 * has saved it, not the moment they move on: its stub fails, and a wall of failures before the
 * learner has read the task is noise.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Re-check the current exercise whenever you save it. When it passes, press Enter to move"
          + " on; type q and Enter to quit."
    })
final class WatchCommand implements Callable<Integer> {
  private static final String EOF = "\u0000eof";
  private final Context ctx;

  @Option(names = "--poll", description = "Poll the file instead of using file-system events.")
  boolean poll;

  WatchCommand(Context ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    Workbook wb = ctx.workbook();
    wb.useWarmWorkers();
    try {
      return watch(wb);
    } finally {
      wb.close();
    }
  }

  private int watch(Workbook wb) throws Exception {
    BlockingQueue<String> input = readLines();
    Exercise e = wb.current();
    boolean awaitSave = false;
    while (true) {
      wb.progress().current(e.id());
      CheckOutcome o = awaitSave ? null : check(wb, e);
      awaitSave = false;
      try (FileWatcher watcher = new FileWatcher(wb.file(e), poll)) {
        if (o != null && o.passed()) {
          Optional<Exercise> next = wb.next(e);
          if (next.isEmpty()) {
            ctx.out().println("\nThat was the last exercise. Well done!");
            return 0;
          }
          ctx.out()
              .println(
                  "\n"
                      + ctx.style("@|green,bold Done!|@")
                      + " Press Enter for the next exercise ("
                      + next.get().id()
                      + "), or q and Enter to quit.");
          ctx.out().flush();
          String answer = awaitLineOrChange(input, watcher);
          if (answer == null) {
            continue; // the file changed: check it again
          }
          if (answer.equals(EOF) || answer.trim().equalsIgnoreCase("q")) {
            return 0;
          }
          e = next.get();
          awaitSave = true;
          ctx.out()
              .println(
                  "\n"
                      + ctx.style("@|bold Next: " + e.title() + "|@")
                      + " ("
                      + e.id()
                      + "). Read its task in "
                      + e.path()
                      + "; it is checked each time you save it.");
          continue;
        }
        ctx.out().println("\nWatching " + e.path() + " for changes. Ctrl+C or q + Enter to quit.");
        ctx.out().flush();
        while (true) {
          if (watcher.awaitChange(500)) {
            break;
          }
          String line = input.poll();
          if (line != null && (line.equals(EOF) || line.trim().equalsIgnoreCase("q"))) {
            return 0;
          }
        }
      }
    }
  }

  private CheckOutcome check(Workbook wb, Exercise e) {
    ctx.out().println(ctx.style("@|faint ── checking " + e.id() + " ──|@"));
    ctx.out().flush();
    CheckOutcome o = wb.check(e, wb.file(e), null);
    OutcomePrinter.print(
        ctx, o, wb.file(e), e.path(), "./gilbook check " + e.id() + " --seed " + o.seed());
    return o;
  }

  /** A line typed by the learner, or {@code null} when the file changed first. */
  private static String awaitLineOrChange(BlockingQueue<String> input, FileWatcher watcher)
      throws InterruptedException {
    while (true) {
      String line = input.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        return line;
      }
      if (watcher.awaitChange(100)) {
        return null;
      }
    }
  }

  private BlockingQueue<String> readLines() {
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  queue.add(line);
                }
              } catch (IOException ignored) {
                // fall through: end of input
              }
              queue.add(EOF);
            },
            "gilbook-watch-input");
    reader.setDaemon(true);
    reader.start();
    return queue;
  }
}
