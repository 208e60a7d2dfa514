package gilbook.app.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The progress file's format: one fact per line ({@code current ID}, {@code done ID}, {@code hint
 * ID LEVEL}), with {@code #} comments and blank lines ignored. Reading is line by line, so one
 * damaged line costs that line only. Thread-safe (no state).
 */
final class ProgressText {
  static final String HEADER =
      "# gilbook progress: one fact per line. Deleting this file forgets your marks, not your code.";

  /** A line that was not understood, numbered from 1, as text (undecodable bytes replaced). */
  record DroppedLine(int number, String text) {}

  /** What a file says: the facts on its valid lines, and the lines that were not understood. */
  record Parsed(ProgressState state, List<DroppedLine> dropped) {
    static final Parsed EMPTY = new Parsed(ProgressState.EMPTY, List.of());

    boolean damaged() {
      return !dropped.isEmpty();
    }
  }

  private ProgressText() {}

  static Parsed parse(byte[] bytes) {
    String current = null;
    Set<String> done = new LinkedHashSet<>();
    Map<String, Integer> hints = new LinkedHashMap<>();
    List<DroppedLine> dropped = new ArrayList<>();
    List<byte[]> lines = splitLines(bytes);
    for (int i = 0; i < lines.size(); i++) {
      String line = decode(lines.get(i));
      if (line == null) {
        dropped.add(new DroppedLine(i + 1, lossy(lines.get(i))));
        continue;
      }
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\\s+");
      switch (f[0]) {
        case "done" -> {
          if (f.length == 2) {
            done.add(f[1]);
            continue;
          }
        }
        case "current" -> {
          if (f.length == 2) {
            current = f[1];
            continue;
          }
        }
        case "hint" -> {
          if (f.length == 3 && f[2].matches("\\d{1,3}")) {
            hints.put(f[1], Integer.parseInt(f[2]));
            continue;
          }
        }
        default -> {
          // not a fact: dropped below
        }
      }
      dropped.add(new DroppedLine(i + 1, line));
    }
    return new Parsed(new ProgressState(current, done, hints), List.copyOf(dropped));
  }

  static String render(ProgressState state) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    state.current().ifPresent(id -> text.append("current ").append(id).append('\n'));
    state.done().forEach(id -> text.append("done ").append(id).append('\n'));
    state
        .hintLevels()
        .forEach(
            (id, level) -> text.append("hint ").append(id).append(' ').append(level).append('\n'));
    return text.toString();
  }

  private static List<byte[]> splitLines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        if (i < bytes.length || end > start) {
          lines.add(Arrays.copyOfRange(bytes, start, end));
        }
        start = i + 1;
      }
    }
    return lines;
  }

  /** The line as UTF-8, or {@code null} when it is not valid UTF-8. */
  private static String decode(byte[] line) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String lossy(byte[] line) {
    return new String(line, StandardCharsets.UTF_8).strip();
  }
}
