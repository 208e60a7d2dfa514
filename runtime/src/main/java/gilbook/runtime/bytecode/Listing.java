package gilbook.runtime.bytecode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 * code ({@code <module>}) when it uses {@code STORE_NAME} or {@code LOAD_NAME}, and otherwise the
 * one function {@code dis.dis(function)} printed (named {@code <function>}). An instruction line is
 *
 * <pre>
 *   LINE  [&gt;&gt;]  OFFSET OPNAME  [ARG [(ARGREPR)]]
 * </pre>
 *
 * where the source line number appears only on the first instruction of a line. {@code
 * ExceptionTable:} section after a code object's instructions is its exception table ({@link
 * DisFunction.ExceptionEntry}). A code object defined inside another (a nested {@code def}, a
 * comprehension) is named by its qualified name, as {@link #functions()} says.
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

  // A code object as dis prints it, in a header or as LOAD_CONST's value: its co_name, its
  // address (which tells apart two comprehensions, both named <listcomp>) and co_firstlineno.
  private static final Pattern CODE_OBJECT =
      Pattern.compile("<code object (\\S+) at (0x[0-9a-fA-F]+)(?:, file .*, line (\\d+))?>?.*");

  private static final java.util.Set<String> COMPREHENSIONS =
      java.util.Set.of("<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>");

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
    List<Block> blocks = new ArrayList<>();
    String name = null;
    String header = null;
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
        add(blocks, name, header, current, table, file);
        name = h.group(1) != null ? h.group(1) : h.group(2);
        header = trimmed;
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
    add(blocks, name, header, current, table, file);
    Map<String, DisFunction> functions = codeObjects(blocks);
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
      String construct = UnsupportedOpcodes.construct(opname);
      if (construct != null) {
        throw new ListingException(
            line,
            opname
                + " is a CPython 3.11 opcode that this VM does not run: it comes from "
                + construct
                + ". Rewrite that part of the code without it (docs/DIS-VM.md lists what the VM"
                + " runs).");
      }
      String what =
          Opcode.CPYTHON_311.contains(opname)
              ? " is a CPython 3.11 opcode that this VM does not run."
              : " is not a CPython 3.11 opcode.";
      throw new ListingException(
          line, "unknown opcode " + opname + what + " Supported: " + Opcode.supportedNames());
    }
  }

  /**
   * One code object's text: the name in its header (or null), the header line, its code, its
   * exception table and the file its header names (or null).
   */
  private record Block(
      String name,
      String header,
      List<Instruction> code,
      List<DisFunction.ExceptionEntry> table,
      String file) {}

  private static void add(
      List<Block> blocks,
      String name,
      String header,
      List<Instruction> code,
      List<DisFunction.ExceptionEntry> table,
      String file) {
    if (!code.isEmpty()) {
      blocks.add(new Block(name, header, code, table, file));
    }
  }

  /**
   * Names each code object by its {@code co_qualname}, as CPython 3.11 would: {@code inner} defined
   * in {@code outer} is {@code outer.<locals>.inner}, a list comprehension in {@code f} is {@code
   * f.<locals>.<listcomp>}. The parent is the code object whose {@code LOAD_CONST} holds the
   * child's address. {@code dis} prints only {@code co_name}, so two comprehensions in one function
   * share a qualified name (as in CPython); the second and later get {@code @LINE} (their first
   * line) appended, and {@code #N} if that is still taken.
   */
  private static Map<String, DisFunction> codeObjects(List<Block> blocks) {
    Map<String, Block> byAddress = new HashMap<>();
    for (Block b : blocks) {
      String address = b.header() == null ? null : address(b.header());
      if (address != null) {
        byAddress.put(address, b);
      }
    }
    Map<Block, Block> parents = new HashMap<>();
    for (Block b : blocks) {
      for (Instruction in : b.code()) {
        if (in.opcode() == Opcode.LOAD_CONST) {
          Block child = byAddress.get(address(in.argrepr()));
          if (child != null && child != b) {
            parents.putIfAbsent(child, b);
          }
        }
      }
    }
    Map<String, DisFunction> functions = new LinkedHashMap<>();
    Map<Block, DisFunction> made = new HashMap<>();
    String firstFile =
        blocks.stream().map(Block::file).filter(Objects::nonNull).findFirst().orElse("<listing>");
    for (Block b : blocks) {
      String shortName = b.name();
      if (shortName == null) {
        // module code names its variables with *_NAME; a function never does (it may hold a
        // MAKE_FUNCTION: a nested def or a comprehension)
        boolean module =
            b.code().stream()
                .anyMatch(i -> i.opcode() == Opcode.STORE_NAME || i.opcode() == Opcode.LOAD_NAME);
        shortName = module ? "<module>" : "<function>";
      }
      DisFunction parent = made.get(parents.get(b));
      String qualname =
          parent == null || parent.name().equals("<module>") || parent.name().equals("<function>")
              ? shortName
              : parent.name().replaceFirst("@\\d+(#\\d+)?$", "") + ".<locals>." + shortName;
      String key = qualname;
      if (functions.containsKey(key)) {
        int line = b.header() == null ? -1 : firstLine(b.header());
        key = line >= 0 ? qualname + "@" + line : qualname;
        for (int n = 2; functions.containsKey(key); n++) {
          key = (line >= 0 ? qualname + "@" + line : qualname) + "#" + n;
        }
      }
      DisFunction f =
          new DisFunction(
              key,
              shortName,
              b.header() == null ? null : address(b.header()),
              parent,
              b.code(),
              b.table(),
              b.file() != null ? b.file() : firstFile);
      made.put(b, f);
      functions.put(key, f);
    }
    return functions;
  }

  /** The address in {@code <code object NAME at 0x...}, or null. */
  static String address(String text) {
    int at = text.indexOf("<code object ");
    if (at < 0) {
      return null;
    }
    Matcher m = CODE_OBJECT.matcher(text.substring(at));
    return m.matches() ? m.group(2).toLowerCase(java.util.Locale.ROOT) : null;
  }

  private static int firstLine(String text) {
    int at = text.indexOf("<code object ");
    if (at < 0) {
      return -1;
    }
    Matcher m = CODE_OBJECT.matcher(text.substring(at));
    return m.matches() && m.group(3) != null ? Integer.parseInt(m.group(3)) : -1;
  }

  /**
   * The code objects by name, in listing order: a top-level function by its name, a nested one by
   * its qualified name ({@code outer.<locals>.inner}; see {@code codeObjects} for two that share
   * one).
   */
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
   * The function to run when none is named: the only code object other than {@code <module>}, its
   * comprehensions and the functions nested in functions.
   *
   * @throws IllegalArgumentException if there is not exactly one
   */
  public DisFunction defaultEntry() {
    List<DisFunction> candidates =
        functions.values().stream()
            .filter(
                f ->
                    !f.name().equals("<module>")
                        && (f.parent() == null || f.parent().name().equals("<module>"))
                        && !COMPREHENSIONS.contains(f.shortName()))
            .toList();
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
