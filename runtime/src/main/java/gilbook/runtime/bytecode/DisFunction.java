package gilbook.runtime.bytecode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One code object of a listing: its name, instructions, local variable names and parameter count.
 * Immutable and thread-safe.
 *
 * <p>{@code dis} does not print {@code co_argcount}. CPython numbers the parameters first in {@code
 * co_varnames}, so the parameters are the locals numbered up to the highest one whose first use is
 * a {@code LOAD_FAST} (a parameter is read before anything stores it).
 */
public final class DisFunction {
  private final String name;
  private final List<Instruction> instructions;
  private final Map<Integer, Integer> indexByOffset = new HashMap<>();
  private final String[] localNames;
  private final int argCount;

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
    this(name, instructions, List.of(), "<listing>");
  }

  DisFunction(
      String name, List<Instruction> instructions, List<ExceptionEntry> table, String file) {
    this.exceptionTable = List.copyOf(table);
    this.file = file;
    this.name = name;
    this.instructions = List.copyOf(instructions);
    int maxLocal = -1;
    for (int i = 0; i < this.instructions.size(); i++) {
      Instruction in = this.instructions.get(i);
      indexByOffset.put(in.offset(), i);
      if (in.opcode() == Opcode.LOAD_FAST || in.opcode() == Opcode.STORE_FAST) {
        maxLocal = Math.max(maxLocal, in.arg());
      }
    }
    localNames = new String[maxLocal + 1];
    boolean[] seen = new boolean[maxLocal + 1];
    int params = 0;
    for (Instruction in : this.instructions) {
      if (in.opcode() == Opcode.LOAD_FAST || in.opcode() == Opcode.STORE_FAST) {
        localNames[in.arg()] = in.argrepr();
        if (!seen[in.arg()]) {
          seen[in.arg()] = true;
          if (in.opcode() == Opcode.LOAD_FAST) {
            params = Math.max(params, in.arg() + 1);
          }
        }
      }
    }
    for (int i = 0; i < localNames.length; i++) {
      if (localNames[i] == null) {
        localNames[i] = "<local " + i + ">";
      }
    }
    this.argCount = params;
  }

  /** The code object's name, such as {@code process_piece} or {@code <module>}. */
  public String name() {
    return name;
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
