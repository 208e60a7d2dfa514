package gilbook.runtime.bytecode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed CPython 3.11 {@code dis} listing: the text {@code dis.dis(function)}, {@code
 * dis.dis(compile(source, file, "exec"))} or {@code dis.dis(module)} prints. Immutable and
 * thread-safe.
 *
 * <p>Each code object starts with a header, {@code Disassembly of <code object NAME at 0x..., file
 * "...", line N>:} or {@code Disassembly of NAME:}; a first block without a header is the module's
 * code ({@code <module>}) when it stores names, and otherwise the one function {@code
 * dis.dis(function)} printed (named {@code <function>}). An instruction line is
 *
 * <pre>
 *   LINE  [&gt;&gt;]  OFFSET OPNAME  [ARG [(ARGREPR)]]
 * </pre>
 *
 * where the source line number appears only on the first instruction of a line. {@code
 * ExceptionTable:} section after a code object's instructions is its exception table ({@link
 * DisFunction.ExceptionEntry}).
 */
public final class Listing {
  private static final Pattern INSTRUCTION =
      Pattern.compile(
          "^\\s*(?:(\\d+)\\s+)?(?:(>>|-->)\\s+)?(\\d+)\\s+([A-Za-z_][A-Za-z0-9_]*)"
              + "(?:\\s+(-?\\d+))?(?:\\s+\\((.*)\\))?\\s*$");
  // The file name inside a code object's header may hold '>' itself: dis.dis("source") names it
  // "<dis>", compile(..., "<string>", ...) "<string>". So the header runs to the last ">:".
  private static final Pattern HEADER =
      Pattern.compile("^Disassembly of (?:<code object (\\S+) at .*>|(\\S+?)):\\s*$");
  private static final Pattern TO = Pattern.compile("^to (\\d+)$");
  private static final Pattern FILE =
      Pattern.compile("<code object \\S+ at \\S+, file \"(.*)\", line \\d+>");
  // dis.py 3.11: f"  {entry.start} to {entry.end-2} -> {entry.target} [{entry.depth}]{lasti}"
  private static final Pattern EXCEPTION_ENTRY =
      Pattern.compile("^(\\d+) to (\\d+) -> (\\d+) \\[(\\d+)\\]( lasti)?$");

  private final Map<String, DisFunction> functions;
  private final String text;

  private Listing(Map<String, DisFunction> functions, String text) {
    this.functions = Collections.unmodifiableMap(functions);
    this.text = text;
  }

  /**
   * Parses a listing.
   *
   * @throws ListingException on a malformed line, an unknown or unsupported opcode, or a listing
   *     from another Python version; the message names the line
   */
  public static Listing parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    Map<String, DisFunction> functions = new LinkedHashMap<>();
    String name = null;
    List<Instruction> current = new ArrayList<>();
    List<DisFunction.ExceptionEntry> table = new ArrayList<>();
    String file = null;
    boolean inExceptionTable = false;
    String[] lines = text.split("\r?\n", -1);
    int sourceLine = -1;
    for (int n = 1; n <= lines.length; n++) {
      String line = lines[n - 1];
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        inExceptionTable = false;
        continue;
      }
      Matcher h = HEADER.matcher(trimmed);
      if (h.matches()) {
        add(functions, name, current, table, file);
        name = h.group(1) != null ? h.group(1) : h.group(2);
        Matcher fm = FILE.matcher(trimmed);
        file = fm.find() ? fm.group(1) : null;
        current = new ArrayList<>();
        table = new ArrayList<>();
        inExceptionTable = false;
        sourceLine = -1;
        continue;
      }
      if (trimmed.equals("ExceptionTable:")) {
        inExceptionTable = true;
        continue;
      }
      if (inExceptionTable) {
        Matcher e = EXCEPTION_ENTRY.matcher(trimmed);
        if (!e.matches()) {
          throw new ListingException(
              n,
              "not an exception table entry: \""
                  + trimmed
                  + "\". Expected START to END -> TARGET [DEPTH] (and lasti), as CPython 3.11's"
                  + " dis prints under ExceptionTable:.");
        }
        table.add(
            new DisFunction.ExceptionEntry(
                Integer.parseInt(e.group(1)),
                Integer.parseInt(e.group(2)),
                Integer.parseInt(e.group(3)),
                Integer.parseInt(e.group(4)),
                e.group(5) != null));
        continue;
      }
      Matcher m = INSTRUCTION.matcher(line);
      if (!m.matches()) {
        throw new ListingException(
            n,
            "not a dis instruction line: \""
                + trimmed
                + "\". Expected [LINE] [>>] OFFSET OPNAME [ARG [(VALUE)]], as CPython 3.11's"
                + " dis.dis prints.");
      }
      String opname = m.group(4);
      Opcode op = opcode(n, opname);
      if (m.group(1) != null) {
        sourceLine = Integer.parseInt(m.group(1));
      }
      String argrepr = m.group(6) == null ? "" : m.group(6);
      int target = -1;
      if (op.hasJumpTarget()) {
        Matcher to = TO.matcher(argrepr);
        if (!to.matches()) {
          throw new ListingException(
              n, opname + " needs its target, as dis prints it: \"(to OFFSET)\"");
        }
        target = Integer.parseInt(to.group(1));
      }
      int arg = m.group(5) == null ? -1 : Integer.parseInt(m.group(5));
      if (arg < 0 && needsArg(op)) {
        throw new ListingException(n, opname + " needs an argument");
      }
      current.add(
          new Instruction(
              n,
              sourceLine,
              m.group(2) != null && m.group(2).equals(">>"),
              Integer.parseInt(m.group(3)),
              op,
              arg,
              argrepr,
              target,
              line));
    }
    add(functions, name, current, table, file);
    if (functions.isEmpty()) {
      throw new ListingException(0, "the listing holds no instructions");
    }
    for (DisFunction f : functions.values()) {
      for (Instruction in : f.instructions()) {
        if (in.target() >= 0) {
          try {
            f.indexOf(in.target());
          } catch (IllegalStateException e) {
            throw new ListingException(
                in.listingLine(),
                in.opcode()
                    + " jumps to offset "
                    + in.target()
                    + ", where there is no instruction");
          }
        }
      }
      for (DisFunction.ExceptionEntry e : f.exceptionTable()) {
        try {
          f.indexOf(e.target());
        } catch (IllegalStateException x) {
          throw new ListingException(
              0,
              "the exception table of "
                  + f.name()
                  + " sends errors to offset "
                  + e.target()
                  + ", where there is no instruction");
        }
      }
    }
    return new Listing(new LinkedHashMap<>(functions), text);
  }

  private static boolean needsArg(Opcode op) {
    return switch (op) {
      case LOAD_CONST,
          LOAD_FAST,
          STORE_FAST,
          LOAD_GLOBAL,
          STORE_GLOBAL,
          LOAD_NAME,
          STORE_NAME,
          LOAD_METHOD,
          LOAD_ATTR,
          BINARY_OP,
          COMPARE_OP,
          BUILD_LIST,
          BUILD_MAP,
          COPY,
          SWAP,
          CALL,
          PRECALL,
          // vm-data
          BUILD_TUPLE,
          BUILD_SET,
          BUILD_CONST_KEY_MAP,
          BUILD_STRING,
          LIST_EXTEND,
          SET_UPDATE,
          UNPACK_SEQUENCE,
          CONTAINS_OP,
          IS_OP,
          FORMAT_VALUE,
          JUMP_IF_FALSE_OR_POP,
          JUMP_IF_TRUE_OR_POP,
          EXTENDED_ARG,
          // exceptions
          RERAISE,
          RAISE_VARARGS,
          DELETE_FAST,
          // vm-modules
          IMPORT_NAME,
          IMPORT_FROM ->
          true;
      default -> false;
    };
  }

  private static Opcode opcode(int line, String opname) {
    String other = Opcode.OTHER_VERSIONS.get(opname);
    if (other != null) {
      throw new ListingException(
          line,
          opname
              + " is not a CPython 3.11 opcode; this listing looks like Python "
              + other
              + ". Make the listing with python3.11 -c 'import dis; ...'.");
    }
    try {
      return Opcode.valueOf(opname);
    } catch (IllegalArgumentException e) {
      String what =
          Opcode.CPYTHON_311.contains(opname)
              ? " is a CPython 3.11 opcode that this VM does not run."
              : " is not a CPython 3.11 opcode.";
      throw new ListingException(
          line, "unknown opcode " + opname + what + " Supported: " + Opcode.supportedNames());
    }
  }

  private static void add(
      Map<String, DisFunction> functions,
      String name,
      List<Instruction> code,
      List<DisFunction.ExceptionEntry> table,
      String file) {
    if (code.isEmpty()) {
      return;
    }
    if (name == null) {
      boolean module =
          code.stream()
              .anyMatch(i -> i.opcode() == Opcode.STORE_NAME || i.opcode() == Opcode.MAKE_FUNCTION);
      name = module ? "<module>" : "<function>";
    }
    if (functions.containsKey(name)) {
      throw new ListingException(
          code.get(0).listingLine(), "a second code object named " + name + " in one listing");
    }
    if (file == null) {
      file = functions.values().stream().map(DisFunction::file).findFirst().orElse("<listing>");
    }
    functions.put(name, new DisFunction(name, code, table, file));
  }

  /** The code objects by name, in listing order. */
  public Map<String, DisFunction> functions() {
    return functions;
  }

  /**
   * The code object named {@code name}.
   *
   * @throws IllegalArgumentException if there is none; the message lists the names
   */
  public DisFunction function(String name) {
    DisFunction f = functions.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "no function " + name + " in the listing; it has " + functions.keySet());
    }
    return f;
  }

  /**
   * The function to run when none is named: the only code object other than {@code <module>}.
   *
   * @throws IllegalArgumentException if there is not exactly one
   */
  public DisFunction defaultEntry() {
    List<DisFunction> candidates =
        functions.values().stream().filter(f -> !f.name().equals("<module>")).toList();
    if (candidates.size() != 1) {
      throw new IllegalArgumentException(
          "name the entry function; the listing has " + functions.keySet());
    }
    return candidates.get(0);
  }

  /** The listing text as given. */
  public String text() {
    return text;
  }
}
