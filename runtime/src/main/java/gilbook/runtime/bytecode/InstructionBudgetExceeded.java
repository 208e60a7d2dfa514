package gilbook.runtime.bytecode;

/** A listing ran more instructions than its budget allows: most likely a loop that never ends. */
public final class InstructionBudgetExceeded extends RuntimeException {
  InstructionBudgetExceeded(String message) {
    super(message);
  }
}
