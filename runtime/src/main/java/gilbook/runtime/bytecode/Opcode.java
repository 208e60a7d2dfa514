package gilbook.runtime.bytecode;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CPython 3.11 opcodes the bytecode VM runs, and what the parser knows about other versions.
 * Immutable and thread-safe.
 */
public enum Opcode {
  CACHE,
  RESUME,
  NOP,
  PUSH_NULL,
  POP_TOP,
  COPY,
  SWAP,
  LOAD_CONST,
  LOAD_FAST,
  STORE_FAST,
  LOAD_GLOBAL,
  STORE_GLOBAL,
  LOAD_NAME,
  STORE_NAME,
  LOAD_METHOD,
  LOAD_ATTR,
  // ---- vm-modules
  IMPORT_NAME,
  IMPORT_FROM,
  BEFORE_WITH,
  // ---- end vm-modules
  BINARY_OP,
  COMPARE_OP,
  BINARY_SUBSCR,
  STORE_SUBSCR,
  BUILD_LIST,
  BUILD_MAP,
  // vm-data: values, containers, operators (issue 13, section 2)
  BUILD_TUPLE,
  BUILD_SET,
  BUILD_CONST_KEY_MAP,
  BUILD_STRING,
  LIST_EXTEND,
  SET_UPDATE,
  UNPACK_SEQUENCE,
  CONTAINS_OP,
  IS_OP,
  UNARY_NOT,
  UNARY_NEGATIVE,
  UNARY_INVERT,
  UNARY_POSITIVE,
  DELETE_SUBSCR,
  FORMAT_VALUE,
  JUMP_IF_FALSE_OR_POP,
  JUMP_IF_TRUE_OR_POP,
  EXTENDED_ARG,
  GET_ITER,
  FOR_ITER,
  JUMP_FORWARD,
  JUMP_BACKWARD,
  POP_JUMP_FORWARD_IF_FALSE,
  POP_JUMP_FORWARD_IF_TRUE,
  POP_JUMP_BACKWARD_IF_FALSE,
  POP_JUMP_BACKWARD_IF_TRUE,
  POP_JUMP_FORWARD_IF_NONE,
  POP_JUMP_FORWARD_IF_NOT_NONE,
  POP_JUMP_BACKWARD_IF_NONE,
  POP_JUMP_BACKWARD_IF_NOT_NONE,
  MAKE_FUNCTION,
  MAKE_CELL,
  LOAD_CLOSURE,
  LOAD_DEREF,
  STORE_DEREF,
  DELETE_DEREF,
  COPY_FREE_VARS,
  LIST_APPEND,
  SET_ADD,
  MAP_ADD,
  CALL_FUNCTION_EX,
  RETURN_GENERATOR,
  YIELD_VALUE,
  SEND,
  GET_YIELD_FROM_ITER,
  JUMP_BACKWARD_NO_INTERRUPT,
  PRECALL,
  KW_NAMES,
  CALL,
  RETURN_VALUE,
  // exceptions (vm-exceptions)
  PUSH_EXC_INFO,
  POP_EXCEPT,
  CHECK_EXC_MATCH,
  RERAISE,
  RAISE_VARARGS,
  LOAD_ASSERTION_ERROR,
  WITH_EXCEPT_START,
  DELETE_FAST;

  /** Every opcode name of CPython 3.11 ({@code dis.opmap} of 3.11.7). */
  static final Set<String> CPYTHON_311 =
      Set.of(
          ("ASYNC_GEN_WRAP BEFORE_ASYNC_WITH BEFORE_WITH BINARY_OP BINARY_SUBSCR"
                  + " BUILD_CONST_KEY_MAP BUILD_LIST BUILD_MAP BUILD_SET BUILD_SLICE BUILD_STRING"
                  + " BUILD_TUPLE CACHE CALL CALL_FUNCTION_EX CHECK_EG_MATCH CHECK_EXC_MATCH"
                  + " COMPARE_OP CONTAINS_OP COPY COPY_FREE_VARS DELETE_ATTR DELETE_DEREF"
                  + " DELETE_FAST DELETE_GLOBAL DELETE_NAME DELETE_SUBSCR DICT_MERGE DICT_UPDATE"
                  + " END_ASYNC_FOR EXTENDED_ARG FORMAT_VALUE FOR_ITER GET_AITER GET_ANEXT"
                  + " GET_AWAITABLE GET_ITER GET_LEN GET_YIELD_FROM_ITER IMPORT_FROM IMPORT_NAME"
                  + " IMPORT_STAR IS_OP JUMP_BACKWARD JUMP_BACKWARD_NO_INTERRUPT JUMP_FORWARD"
                  + " JUMP_IF_FALSE_OR_POP JUMP_IF_TRUE_OR_POP KW_NAMES LIST_APPEND LIST_EXTEND"
                  + " LIST_TO_TUPLE LOAD_ASSERTION_ERROR LOAD_ATTR LOAD_BUILD_CLASS"
                  + " LOAD_CLASSDEREF LOAD_CLOSURE LOAD_CONST LOAD_DEREF LOAD_FAST LOAD_GLOBAL"
                  + " LOAD_METHOD LOAD_NAME MAKE_CELL MAKE_FUNCTION MAP_ADD MATCH_CLASS MATCH_KEYS"
                  + " MATCH_MAPPING MATCH_SEQUENCE NOP POP_EXCEPT POP_JUMP_BACKWARD_IF_FALSE"
                  + " POP_JUMP_BACKWARD_IF_NONE POP_JUMP_BACKWARD_IF_NOT_NONE"
                  + " POP_JUMP_BACKWARD_IF_TRUE POP_JUMP_FORWARD_IF_FALSE"
                  + " POP_JUMP_FORWARD_IF_NONE POP_JUMP_FORWARD_IF_NOT_NONE"
                  + " POP_JUMP_FORWARD_IF_TRUE POP_TOP PRECALL PREP_RERAISE_STAR PRINT_EXPR"
                  + " PUSH_EXC_INFO PUSH_NULL RAISE_VARARGS RERAISE RESUME RETURN_GENERATOR"
                  + " RETURN_VALUE SEND SETUP_ANNOTATIONS SET_ADD SET_UPDATE STORE_ATTR"
                  + " STORE_DEREF STORE_FAST STORE_GLOBAL STORE_NAME STORE_SUBSCR SWAP"
                  + " UNARY_INVERT UNARY_NEGATIVE UNARY_NOT UNARY_POSITIVE UNPACK_EX"
                  + " UNPACK_SEQUENCE WITH_EXCEPT_START YIELD_VALUE")
              .split(" "));

  /** Opcodes that do not exist in 3.11, mapped to the versions that have them. */
  static final Map<String, String> OTHER_VERSIONS =
      Map.ofEntries(
          Map.entry("JUMP_ABSOLUTE", "3.10 or earlier"),
          Map.entry("CALL_FUNCTION", "3.10 or earlier"),
          Map.entry("CALL_FUNCTION_KW", "3.10 or earlier"),
          Map.entry("CALL_METHOD", "3.10 or earlier"),
          Map.entry("ROT_TWO", "3.10 or earlier"),
          Map.entry("ROT_THREE", "3.10 or earlier"),
          Map.entry("ROT_FOUR", "3.10 or earlier"),
          Map.entry("DUP_TOP", "3.10 or earlier"),
          Map.entry("DUP_TOP_TWO", "3.10 or earlier"),
          Map.entry("BINARY_ADD", "3.10 or earlier"),
          Map.entry("BINARY_SUBTRACT", "3.10 or earlier"),
          Map.entry("BINARY_MULTIPLY", "3.10 or earlier"),
          Map.entry("BINARY_MODULO", "3.10 or earlier"),
          Map.entry("BINARY_TRUE_DIVIDE", "3.10 or earlier"),
          Map.entry("BINARY_FLOOR_DIVIDE", "3.10 or earlier"),
          Map.entry("INPLACE_ADD", "3.10 or earlier"),
          Map.entry("INPLACE_SUBTRACT", "3.10 or earlier"),
          Map.entry("INPLACE_MULTIPLY", "3.10 or earlier"),
          Map.entry("SETUP_FINALLY", "3.10 or earlier"),
          Map.entry("SETUP_LOOP", "3.7 or earlier"),
          Map.entry("POP_BLOCK", "3.10 or earlier"),
          Map.entry("GEN_START", "3.10"),
          Map.entry("POP_JUMP_IF_FALSE", "3.10 or earlier, or 3.12 and later"),
          Map.entry("POP_JUMP_IF_TRUE", "3.10 or earlier, or 3.12 and later"),
          Map.entry("RETURN_CONST", "3.12 or later"),
          Map.entry("CALL_INTRINSIC_1", "3.12 or later"),
          Map.entry("CALL_INTRINSIC_2", "3.12 or later"),
          Map.entry("END_FOR", "3.12 or later"),
          Map.entry("LOAD_FAST_CHECK", "3.12 or later"),
          Map.entry("LOAD_FAST_AND_CLEAR", "3.12 or later"),
          Map.entry("LOAD_SUPER_ATTR", "3.12 or later"),
          Map.entry("BINARY_SLICE", "3.12 or later"),
          Map.entry("STORE_SLICE", "3.12 or later"),
          Map.entry("POP_JUMP_IF_NONE", "3.12 or later"),
          Map.entry("POP_JUMP_IF_NOT_NONE", "3.12 or later"),
          Map.entry("LOAD_FAST_LOAD_FAST", "3.13 or later"),
          Map.entry("STORE_FAST_STORE_FAST", "3.13 or later"),
          Map.entry("STORE_FAST_LOAD_FAST", "3.13 or later"),
          Map.entry("TO_BOOL", "3.13 or later"),
          Map.entry("CALL_KW", "3.13 or later"),
          Map.entry("FORMAT_SIMPLE", "3.13 or later"),
          Map.entry("RESUME_CHECK", "3.13 or later"),
          Map.entry("LOAD_SMALL_INT", "3.14 or later"),
          Map.entry("LOAD_FAST_BORROW", "3.14 or later"),
          Map.entry("NOT_TAKEN", "3.14 or later"),
          Map.entry("POP_ITER", "3.14 or later"));

  /** The names of the supported opcodes, for error messages. */
  public static String supportedNames() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** Whether this is a conditional jump ({@code POP_JUMP_*_IF_*}). */
  public boolean isConditionalJump() {
    return name().startsWith("POP_JUMP_");
  }

  /** Whether this opcode jumps backwards ({@code JUMP_BACKWARD}, {@code POP_JUMP_BACKWARD_*}). */
  public boolean isBackward() {
    return this == JUMP_BACKWARD || name().startsWith("POP_JUMP_BACKWARD_");
  }

  /** Whether the argument is a jump, so {@code dis} prints {@code (to N)}. */
  public boolean hasJumpTarget() {
    return isConditionalJump()
        || this == JUMP_FORWARD
        || this == JUMP_BACKWARD
        || this == FOR_ITER
        || this == JUMP_IF_FALSE_OR_POP
        || this == JUMP_IF_TRUE_OR_POP
        || this == SEND
        || this == JUMP_BACKWARD_NO_INTERRUPT;
  }
}
