package gilbook.runtime.bytecode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One code object of a listing: its name, instructions, local variable names and parameter count.
 * Immutable and thread-safe.
 *
 * <p>The frame's slots are CPython 3.11's {@code localsplus}: the locals ({@code co_varnames},
 * parameters first), then the cell variables that are not parameters, then the free variables
 * ({@code COPY_FREE_VARS n} fills the last {@code n}). {@code LOAD_FAST}, {@code STORE_FAST},
 * {@code MAKE_CELL}, {@code LOAD_DEREF}, {@code STORE_DEREF}, {@code DELETE_DEREF} and {@code
 * LOAD_CLOSURE} all number slots that way, so the frame has as many slots as the highest number
 * used, plus one.
 *
 * <p>{@code dis} does not print {@code co_argcount}. CPython numbers the parameters first, so the
 * parameters are the slots numbered up to the highest one that is read ({@code LOAD_FAST}, {@code
 * LOAD_DEREF}; not {@code LOAD_CLOSURE}, which only passes the cell on) before anything stores it.
 * A cell that is not a parameter is numbered after every local, so a {@code MAKE_CELL} below the
 * highest {@code LOAD_FAST} / {@code STORE_FAST} slot is a parameter too. Free variables are never
 * parameters.
 */
public final class DisFunction {
  private final String name;
  private final String shortName;
  private final String address;
  private final DisFunction parent;
  private final List<Instruction> instructions;
  private final Map<Integer, Integer> indexByOffset = new HashMap<>();
  private final String[] localNames;
  private final int argCount;
  private final int freeVarCount;

  /**
   * One entry of the code object's exception table, as {@code dis} prints it under {@code
   * ExceptionTable:}: {@code START to END -> TARGET [DEPTH] lasti}. An error raised by an
   * instruction at an offset from {@code start} to {@code end} (inclusive: dis prints the last
   * covered offset) unwinds the value stack to {@code depth} items, pushes the instruction's offset
   * if {@code lasti}, pushes the exception and jumps to {@code target}.
   */
  record ExceptionEntry(int start, int end, int target, int depth, boolean lasti) {
    boolean covers(int offset) {
      return start <= offset && offset <= end;
    }
  }

  private final List<ExceptionEntry> exceptionTable;
  private final String file;

  DisFunction(String name, List<Instruction> instructions) {
    this(name, name, null, null, instructions, List.of(), "<listing>");
  }

  DisFunction(
      String name,
      String shortName,
      String address,
      DisFunction parent,
      List<Instruction> instructions,
      List<ExceptionEntry> table,
      String file) {
    this.exceptionTable = List.copyOf(table);
    this.file = file;
    this.name = name;
    this.shortName = shortName;
    this.address = address;
    this.parent = parent;
    this.instructions = List.copyOf(instructions);
    int maxSlot = -1;
    int maxFast = -1;
    int free = 0;
    for (int i = 0; i < this.instructions.size(); i++) {
      Instruction in = this.instructions.get(i);
      indexByOffset.put(in.offset(), i);
      if (numbersSlot(in.opcode())) {
        maxSlot = Math.max(maxSlot, in.arg());
      }
      if (in.opcode() == Opcode.LOAD_FAST || in.opcode() == Opcode.STORE_FAST) {
        maxFast = Math.max(maxFast, in.arg());
      }
      if (in.opcode() == Opcode.COPY_FREE_VARS) {
        free = in.arg();
      }
    }
    localNames = new String[maxSlot + 1];
    int firstFree = localNames.length - free;
    boolean[] seen = new boolean[maxSlot + 1];
    int params = 0;
    for (Instruction in : this.instructions) {
      Opcode op = in.opcode();
      if (!numbersSlot(op)) {
        continue;
      }
      int slot = in.arg();
      localNames[slot] = in.argrepr();
      if (slot >= firstFree) {
        continue; // a free variable
      }
      if (op == Opcode.MAKE_CELL) {
        if (slot < maxFast) {
          params = Math.max(params, slot + 1); // numbered among the locals: a parameter
        }
        continue;
      }
      if (op == Opcode.LOAD_CLOSURE) {
        continue; // passes the cell on, reads nothing: a recursive inner def comes before its store
      }
      if (!seen[slot]) {
        seen[slot] = true;
        if (op == Opcode.LOAD_FAST || op == Opcode.LOAD_DEREF) {
          params = Math.max(params, slot + 1);
        }
      }
    }
    for (int i = 0; i < localNames.length; i++) {
      if (localNames[i] == null) {
        localNames[i] = "<local " + i + ">";
      }
    }
    this.argCount = params;
    this.freeVarCount = free;
  }

  private static boolean numbersSlot(Opcode op) {
    return switch (op) {
      case LOAD_FAST, STORE_FAST, MAKE_CELL, LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF, DELETE_DEREF ->
          true;
      default -> false;
    };
  }

  /**
   * The code object's name in its listing, such as {@code process_piece}, {@code <module>}, or
   * {@code outer.<locals>.inner} for one defined inside another ({@code co_qualname}).
   */
  public String name() {
    return name;
  }

  /** Its {@code co_name}, as {@code dis} prints it: {@code inner}, {@code <listcomp>}. */
  public String shortName() {
    return shortName;
  }

  /** The code object whose constant it is, or null for one at the top of the listing. */
  public DisFunction parent() {
    return parent;
  }

  /** The address {@code dis} printed in its header, or null when the header has none. */
  String address() {
    return address;
  }

  /** How many free variables {@code COPY_FREE_VARS} copies into the last slots. */
  int freeVarCount() {
    return freeVarCount;
  }

  /** The instructions in offset order. */
  public List<Instruction> instructions() {
    return instructions;
  }

  /** The local variable names, {@code co_varnames}, as far as the listing shows them. */
  public List<String> localNames() {
    return List.of(localNames);
  }

  /** The number of positional parameters, inferred as the class comment explains. */
  public int argCount() {
    return argCount;
  }

  /** The parameter names. */
  public List<String> parameterNames() {
    return new ArrayList<>(List.of(localNames).subList(0, argCount));
  }

  /** The exception table, in offset order. */
  public List<ExceptionEntry> exceptionTable() {
    return exceptionTable;
  }

  /** The source file the listing's header names, or {@code <listing>} when it has none. */
  public String file() {
    return file;
  }

  /**
   * The handler of an error raised at {@code offset}, or null: CPython 3.11's {@code
   * get_exception_handler} (the entries do not overlap; the first that covers it).
   */
  ExceptionEntry handlerFor(int offset) {
    for (ExceptionEntry e : exceptionTable) {
      if (e.covers(offset)) {
        return e;
      }
    }
    return null;
  }

  int indexOf(int offset) {
    Integer i = indexByOffset.get(offset);
    if (i == null) {
      throw new IllegalStateException("no instruction at offset " + offset + " in " + name);
    }
    return i;
  }

  int localCount() {
    return localNames.length;
  }

  @Override
  public String toString() {
    return "<function " + name + ", " + instructions.size() + " instructions>";
  }
}
