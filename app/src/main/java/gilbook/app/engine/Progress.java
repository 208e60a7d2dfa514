package gilbook.app.engine;

import gilbook.app.engine.ProgressText.DroppedLine;
import gilbook.app.engine.ProgressText.Parsed;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The learner's progress, kept in {@code .gilbook/progress.txt}: which exercises are done, the
 * current one, and how many hint levels each has unlocked ({@link ProgressState}).
 *
 * <p>Notes on sharing the file. The window and any number of commands ({@code check}, {@code hint},
 * {@code watch}) may run at once, each with its own copy in memory. So no copy is ever written as a
 * whole. Every change is a transaction ({@link #update}): take the lock ({@code progress.lock}
 * beside the file, see {@link LockFile}), read the file again, apply just this change to what it
 * says, write it atomically ({@link AtomicFiles}), release. A mark made by another process in
 * between is kept, and hint levels only rise. After a change, the copy in memory is what was
 * written. Reads need no lock, since a write replaces the whole file in one move; {@link
 * #refresh()} cheaply notices a change made elsewhere (see {@link FileStamp}).
 *
 * <p>Damage costs only the damaged lines: the file as it was is copied aside ({@code
 * progress.txt.corrupt-TIME}), it is rewritten with every valid line, and {@link #warning()} names
 * each dropped line by number and text. An unreadable file is never written over.
 *
 * <p>Thread-safe: reads see one consistent {@link ProgressState}, and changes are serialised.
 */
public final class Progress {
  private static final int LINES_NAMED = 10;

  /** What this copy last read or wrote, and which version of the file that was. */
  private record Snapshot(ProgressState state, FileStamp stamp) {}

  /** One version of the file, read whole: its stamp, bytes and what they say. */
  private record Read(FileStamp stamp, byte[] bytes, Parsed parsed) {}

  private final Path file;
  private final LockFile lock;
  private final AtomicReference<Snapshot> snapshot =
      new AtomicReference<>(new Snapshot(ProgressState.EMPTY, FileStamp.ABSENT));
  private volatile String warning;

  private Progress(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lock = new LockFile(this.file.resolveSibling(baseName(this.file) + ".lock"));
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Loads the progress at {@code file}; a missing file is a fresh start, and nothing is written.
   * Damaged lines are dropped, backed up and reported in {@link #warning()}.
   */
  public static Progress load(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    Progress p = new Progress(file);
    Read read;
    try {
      read = read(p.file);
    } catch (IOException e) {
      p.warning =
          "your progress file "
              + p.file
              + " could not be read ("
              + e.getMessage()
              + "), so it shows as empty and gilbook will not write over it. Check its"
              + " permissions; your exercise files are untouched.";
      return p;
    }
    p.snapshot.set(new Snapshot(read.parsed().state(), read.stamp()));
    if (read.parsed().damaged()) {
      p.repair(read.parsed().dropped());
    }
    return p;
  }

  /** The file this progress is kept in. */
  public Path file() {
    return file;
  }

  /** A notice about the latest damaged or unreadable progress file found, if there was one. */
  public Optional<String> warning() {
    return Optional.ofNullable(warning);
  }

  /** The progress as this copy last read or wrote it. */
  public ProgressState state() {
    return snapshot.get().state();
  }

  public boolean isDone(String id) {
    return state().isDone(id);
  }

  public Optional<String> current() {
    return state().current();
  }

  /** How many hint levels of {@code id} are unlocked. */
  public int hintLevel(String id) {
    return state().hintLevel(id);
  }

  /** Marks {@code id} done, in the file and in this copy. */
  public void markDone(String id) {
    update(s -> s.withDone(id));
  }

  /** Marks {@code id} not done, in the file and in this copy. */
  public void markPending(String id) {
    update(s -> s.withPending(id));
  }

  /** Makes {@code id} the current exercise, in the file and in this copy. */
  public void current(String id) {
    update(s -> s.withCurrent(id));
  }

  /**
   * Applies {@code change} to the progress as the file says it now, under the lock, and writes the
   * result if it differs. {@code change} runs once, while the lock is held: it should be quick, and
   * may throw to write nothing. This copy then holds the result.
   *
   * @return the progress as written
   * @throws EngineException when the file cannot be read, backed up or written
   */
  public ProgressState update(UnaryOperator<ProgressState> change) {
    Objects.requireNonNull(change, "change must not be null");
    try {
      return lock.hold(
          () -> {
            Read fresh;
            try {
              fresh = read(file);
            } catch (IOException e) {
              throw new EngineException(
                  "could not read your progress file "
                      + file
                      + " ("
                      + e.getMessage()
                      + "), so nothing was changed in it. Check its permissions.",
                  e);
            }
            ProgressState before = fresh.parsed().state();
            ProgressState after = Objects.requireNonNull(change.apply(before), "change gave null");
            if (fresh.parsed().damaged()) {
              Path backup = backUp(fresh.bytes());
              warning = damaged(fresh.parsed().dropped(), backup);
            }
            if (fresh.parsed().damaged() || !after.equals(before)) {
              AtomicFiles.writeString(file, ProgressText.render(after));
            }
            snapshot.set(new Snapshot(after, FileStamp.of(file)));
            return after;
          });
    } catch (IOException e) {
      throw new EngineException(
          "could not save progress to "
              + file
              + ": "
              + e.getMessage()
              + ". Is the folder writable?",
          e);
    }
  }

  /**
   * Re-reads the file if it changed since this copy last read or wrote it (another process wrote
   * it). Cheap when nothing changed: one look at the file's attributes.
   *
   * @return whether the file had changed
   */
  public boolean refresh() {
    Snapshot known = snapshot.get();
    try {
      if (FileStamp.of(file).equals(known.stamp())) {
        return false;
      }
      Read read = read(file);
      // Lost to a change made here meanwhile, whose snapshot is at least as fresh: fine.
      snapshot.compareAndSet(known, new Snapshot(read.parsed().state(), read.stamp()));
      if (read.parsed().damaged()) {
        repair(read.parsed().dropped());
      }
      return true;
    } catch (IOException e) {
      return false; // unreadable for the moment: keep what we know and look again later
    }
  }

  /** Rewrites a damaged file with its valid lines; the original is backed up first. */
  private void repair(List<DroppedLine> dropped) {
    try {
      update(UnaryOperator.identity());
    } catch (EngineException e) {
      warning =
          "your progress file "
              + file
              + " is damaged ("
              + describe(dropped)
              + ") and could not be backed up and repaired: "
              + e.getMessage()
              + " It was left as it is; its valid lines are used.";
    }
  }

  /** Reads one version of the file whole, even while others replace it (at most a few tries). */
  private static Read read(Path file) throws IOException {
    for (int attempt = 1; ; attempt++) {
      FileStamp before = FileStamp.of(file);
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        bytes = null;
      }
      // A write between the two looks: read again. If writes never pause, keep the first stamp,
      // so the next refresh reads again.
      if (before.equals(FileStamp.of(file)) || attempt == 5) {
        return bytes == null
            ? new Read(before, new byte[0], Parsed.EMPTY)
            : new Read(before, bytes, ProgressText.parse(bytes));
      }
    }
  }

  private Path backUp(byte[] original) throws IOException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    for (int n = 1; ; n++) {
      Path backup =
          file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + (n == 1 ? "" : "-" + n));
      try {
        Files.write(backup, original, StandardOpenOption.CREATE_NEW);
        return backup;
      } catch (FileAlreadyExistsException taken) {
        // an earlier backup from the same second: never overwrite it
      }
    }
  }

  private String damaged(List<DroppedLine> dropped, Path backup) {
    return "your progress file "
        + file
        + " was damaged: "
        + describe(dropped)
        + (dropped.size() == 1 ? " was" : " were")
        + " not understood and dropped. Every other line was kept. The file as it was is saved at "
        + backup
        + "; your exercise files are untouched.";
  }

  private static String describe(List<DroppedLine> dropped) {
    StringBuilder s = new StringBuilder();
    int named = Math.min(dropped.size(), LINES_NAMED);
    for (int i = 0; i < named; i++) {
      DroppedLine d = dropped.get(i);
      boolean last = i == named - 1 && dropped.size() == named;
      s.append(i == 0 ? "" : last ? " and " : ", ");
      s.append("line ").append(d.number()).append(" '").append(shorten(d.text())).append("'");
    }
    if (dropped.size() > named) {
      s.append(" and ").append(dropped.size() - named).append(" more lines (all in the backup)");
    }
    return s.toString();
  }

  private static String shorten(String text) {
    String printable = text.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 60 ? printable : printable.substring(0, 57) + "...";
  }
}
