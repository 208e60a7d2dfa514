package gilbook.app.engine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A tiny program for {@link ProgressAcrossProcessesTests}: one process of many that change one
 * progress file at once, through one copy loaded at the start (as the window and {@code watch} do).
 * Arguments: the file, this process's name, how many rounds. It prints {@code ready}, waits for a
 * line on standard input (so every process starts its changes together), then each round marks
 * {@code NAME-I} done, raises hint {@code NAME} by one, and raises hint {@code all} by one.
 */
public final class ProgressHammer {
  private ProgressHammer() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String name = args[1];
    int rounds = Integer.parseInt(args[2]);
    Progress progress = Progress.load(file);
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    for (int i = 0; i < rounds; i++) {
      progress.markDone(name + "-" + i);
      progress.update(s -> s.withHintLevelAtLeast(name, s.hintLevel(name) + 1));
      progress.update(s -> s.withHintLevelAtLeast("all", s.hintLevel("all") + 1));
    }
    System.out.println("finished");
  }
}
