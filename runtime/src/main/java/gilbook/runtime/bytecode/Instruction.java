package gilbook.runtime.bytecode;

/**
 * One line of a {@code dis} listing. Immutable and thread-safe.
 *
 * @param listingLine the line number in the listing text, counting from 1
 * @param sourceLine the Python source line {@code dis} printed, or -1 when the column was empty
 * @param jumpTarget whether {@code dis} marked it {@code >>}
 * @param offset the byte offset
 * @param opcode the opcode
 * @param arg the argument, or -1 when there is none
 * @param argrepr what {@code dis} printed in parentheses, or the empty string
 * @param target the offset a jump goes to (from {@code (to N)}), or -1
 * @param text the line as it was in the listing
 */
public record Instruction(
    int listingLine,
    int sourceLine,
    boolean jumpTarget,
    int offset,
    Opcode opcode,
    int arg,
    String argrepr,
    int target,
    String text) {}
