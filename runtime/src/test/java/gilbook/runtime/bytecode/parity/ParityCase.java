package gilbook.runtime.bytecode.parity;

import gilbook.runtime.bytecode.CheckPointPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code # parity:} line of a case file: how to run the file's entry function on CPython and in
 * the VM, and how to compare the two. The format is in {@code
 * runtime/src/test/resources/bytecode/README.md}. Immutable.
 *
 * @param file the case's Python source
 * @param line the header's line number in that file
 * @param header the header as written, after {@code # parity:}
 * @param entry the function each thread runs
 * @param threads how many threads run it
 * @param args its arguments, shared by every thread
 * @param globals the module globals the VM starts with (without {@code module=true})
 * @param module whether the module's code runs first, on both sides
 * @param compare how the two outcomes are judged
 * @param expect the Python expression {@code compare=invariant} evaluates on each side
 * @param policy the VM's check points
 * @param interval the switch interval, on both sides
 * @param firstSeed the VM's first seed
 * @param lastSeed the VM's last seed; the VM runs once per seed
 */
record ParityCase(
    Path file,
    int line,
    String header,
    String entry,
    int threads,
    Map<String, Object> args,
    Map<String, Object> globals,
    boolean module,
    Compare compare,
    String expect,
    CheckPointPolicy policy,
    Duration interval,
    long firstSeed,
    long lastSeed) {

  /** How a case judges the VM against CPython. */
  enum Compare {
    /** Final args, globals, printed output and which threads raised what are equal. */
    EXACT,
    /**
     * Both sides end as CPython does when the threads run one after another (maps compared without
     * order, printed lines as a multiset): no update lost, whatever the schedule.
     */
    NO_LOST_UPDATES,
    /** The {@code expect} expression holds on both sides, and no thread raised on either. */
    INVARIANT
  }

  static final String PREFIX = "# parity:";
  private static final Set<String> KEYS =
      Set.of(
          "entry",
          "threads",
          "args",
          "globals",
          "module",
          "compare",
          "expect",
          "policy",
          "interval",
          "seeds");
  private static final Pattern INTERVAL = Pattern.compile("(\\d+)(ns|us|ms|s)");
  private static final Pattern SEEDS = Pattern.compile("(\\d+)(?:\\.\\.(\\d+))?");

  /** The switch interval in seconds, as {@code sys.setswitchinterval} takes it. */
  double intervalSeconds() {
    return interval.toNanos() / 1e9;
  }

  /** How a test report names this case: file, line and header. */
  String displayName() {
    return file.getFileName() + ":" + line + " " + header;
  }

  /**
   * Every {@code # parity:} line of {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line of a header it cannot read
   */
  static List<ParityCase> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ParityCase> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.startsWith(PREFIX)) {
        String header = l.substring(PREFIX.length()).strip();
        try {
          out.add(parse(file, i + 1, header));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              file.getFileName() + ":" + (i + 1) + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /** One header, the text after {@code # parity:}. */
  static ParityCase parse(Path file, int line, String header) {
    Map<String, String> kv = tokens(header);
    for (String k : kv.keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("unknown key '" + k + "'; known: " + KEYS);
      }
    }
    String entry = kv.get("entry");
    if (entry == null) {
      throw new IllegalArgumentException("entry=NAME is required");
    }
    int threads = Integer.parseInt(kv.getOrDefault("threads", "1"));
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be 1 to 64, got " + threads);
    }
    String c = kv.get("compare");
    if (c == null && threads > 1) {
      throw new IllegalArgumentException(
          "threads>1 needs compare=no-lost-updates, compare=invariant or compare=exact: say what"
              + " holds under every schedule");
    }
    Compare compare =
        switch (c == null ? "exact" : c) {
          case "exact" -> Compare.EXACT;
          case "no-lost-updates" -> Compare.NO_LOST_UPDATES;
          case "invariant" -> Compare.INVARIANT;
          default ->
              throw new IllegalArgumentException(
                  "compare must be exact, no-lost-updates or invariant, got " + c);
        };
    String expect = kv.get("expect");
    if ((compare == Compare.INVARIANT) != (expect != null)) {
      throw new IllegalArgumentException(
          "expect=\"EXPR\" goes with compare=invariant, and only there");
    }
    Matcher iv = INTERVAL.matcher(kv.getOrDefault("interval", "5ms"));
    if (!iv.matches()) {
      throw new IllegalArgumentException("interval must be like 5ms, 1us, 100ns");
    }
    long n = Long.parseLong(iv.group(1));
    Duration interval =
        switch (iv.group(2)) {
          case "ns" -> Duration.ofNanos(n);
          case "us" -> Duration.ofNanos(n * 1000);
          case "ms" -> Duration.ofMillis(n);
          default -> Duration.ofSeconds(n);
        };
    Matcher s = SEEDS.matcher(kv.getOrDefault("seeds", "1"));
    if (!s.matches()) {
      throw new IllegalArgumentException("seeds must be N or FIRST..LAST");
    }
    long first = Long.parseLong(s.group(1));
    long last = s.group(2) == null ? first : Long.parseLong(s.group(2));
    if (last < first) {
      throw new IllegalArgumentException("seeds FIRST..LAST needs FIRST <= LAST");
    }
    String module = kv.getOrDefault("module", "false");
    if (!module.equals("true") && !module.equals("false")) {
      throw new IllegalArgumentException("module must be true or false");
    }
    return new ParityCase(
        file,
        line,
        header,
        entry,
        threads,
        ParityJson.readObject(kv.getOrDefault("args", "{}")),
        ParityJson.readObject(kv.getOrDefault("globals", "{}")),
        module.equals("true"),
        compare,
        expect,
        CheckPointPolicy.fromLabel(kv.getOrDefault("policy", "3.11")),
        interval,
        first,
        last);
  }

  /**
   * {@code key=value} pairs separated by spaces; a value is a bare word, a JSON object or array
   * (which may hold spaces), or a JSON string in double quotes.
   */
  static Map<String, String> tokens(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    int n = header.length();
    while (true) {
      while (i < n && header.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        return out;
      }
      int eq = header.indexOf('=', i);
      if (eq < 0) {
        throw new IllegalArgumentException("expected key=value at: " + header.substring(i));
      }
      String key = header.substring(i, eq);
      int start = eq + 1;
      int end = valueEnd(header, start);
      String value = header.substring(start, end);
      if (value.startsWith("\"")) {
        value = (String) ParityJson.read(value);
      }
      if (out.put(key, value) != null) {
        throw new IllegalArgumentException("key '" + key + "' given twice");
      }
      i = end;
    }
  }

  private static int valueEnd(String s, int start) {
    if (start >= s.length()) {
      throw new IllegalArgumentException("empty value at the end of: " + s);
    }
    char first = s.charAt(start);
    if (first != '{' && first != '[' && first != '"') {
      int sp = s.indexOf(' ', start);
      return sp < 0 ? s.length() : sp;
    }
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
          if (first == '"') {
            return i + 1;
          }
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    throw new IllegalArgumentException("unclosed value: " + s.substring(start));
  }
}
