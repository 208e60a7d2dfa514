package gilbook.app.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of the machine's processes with their parent and session, read from Linux's {@code
 * /proc}. Java's {@link ProcessHandle} knows parents but not sessions, and a process whose parent
 * has died is re-parented to init, so only its session still ties it to the worker that started it.
 * Immutable; {@link #read()} is empty where there is no {@code /proc}.
 */
record ProcessTable(List<Entry> entries) {
  private static final Path PROC = Path.of("/proc");

  /**
   * One process: its id, its parent's id, the id of its session's leader, and whether it has
   * already exited (a zombie waiting for its parent, or init, to collect it).
   */
  record Entry(long pid, long ppid, long sid, boolean exited) {}

  /** Whether this machine has a {@code /proc} to read. */
  static boolean available() {
    return Files.isReadable(PROC.resolve("self").resolve("stat"));
  }

  /** Reads every process now; empty where {@code /proc} is missing. */
  static ProcessTable read() {
    List<Entry> all = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, ProcessTable::isPid)) {
      for (Path dir : dirs) {
        stat(dir).ifPresent(all::add);
      }
    } catch (IOException | RuntimeException e) {
      // No /proc (not Linux), or it vanished under us: callers fall back to ProcessHandle.
    }
    return new ProcessTable(List.copyOf(all));
  }

  /** The session {@code pid} belongs to, if it is running. */
  static Optional<Long> sessionOf(long pid) {
    return stat(PROC.resolve(Long.toString(pid))).map(Entry::sid);
  }

  /**
   * Every running process in session {@code sid} (none when {@code sid} is not positive), and every
   * running descendant of {@code root}, apart from {@code root} itself.
   */
  Set<Long> sessionAndDescendants(long sid, long root) {
    Set<Long> found = new HashSet<>();
    for (Entry e : entries) {
      if (sid > 0 && e.sid() == sid) {
        found.add(e.pid());
      }
    }
    // Descendants, level by level: a child may have left the session (setsid) but not its parent.
    Set<Long> frontier = new HashSet<>(Set.of(root));
    while (!frontier.isEmpty()) {
      Set<Long> next = new HashSet<>();
      for (Entry e : entries) {
        if (frontier.contains(e.ppid()) && found.add(e.pid())) {
          next.add(e.pid());
        }
      }
      frontier = next;
    }
    found.remove(root);
    for (Entry e : entries) {
      if (e.exited()) {
        found.remove(e.pid()); // nothing left to kill
      }
    }
    return found;
  }

  private static boolean isPid(Path p) {
    String name = p.getFileName().toString();
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }

  /**
   * Parses {@code /proc/PID/stat}: "pid (comm) state ppid pgrp session ...". The command name may
   * hold spaces and parentheses, so the fields are counted from the last ')'. State Z is a zombie,
   * X a process being removed.
   */
  private static Optional<Entry> stat(Path dir) {
    try {
      String s = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
      int close = s.lastIndexOf(')');
      String[] f = s.substring(close + 2).split(" ");
      long pid = Long.parseLong(s.substring(0, s.indexOf(' ')));
      boolean exited = f[0].equals("Z") || f[0].equals("X");
      return Optional.of(new Entry(pid, Long.parseLong(f[1]), Long.parseLong(f[3]), exited));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the process ended while we looked
    }
  }
}
