package gilbook.runtime.bytecode;

import java.util.Map;

/**
 * The CPython 3.11 opcodes the VM does not run, each with the Python construct that compiles to it,
 * so that a refused listing names what to rewrite. Checked against python3 3.11.7's {@code dis}.
 */
final class UnsupportedOpcodes {
  private UnsupportedOpcodes() {}

  private static final String ASYNC = "async code (async def, await, async for, async with)";
  private static final String MATCH = "a match statement";

  private static final Map<String, String> CONSTRUCTS =
      Map.ofEntries(
          Map.entry("ASYNC_GEN_WRAP", ASYNC),
          Map.entry("BEFORE_ASYNC_WITH", ASYNC),
          Map.entry("END_ASYNC_FOR", ASYNC),
          Map.entry("GET_AITER", ASYNC),
          Map.entry("GET_ANEXT", ASYNC),
          Map.entry("GET_AWAITABLE", ASYNC),
          Map.entry("MATCH_CLASS", MATCH),
          Map.entry("MATCH_KEYS", MATCH),
          Map.entry("MATCH_MAPPING", MATCH),
          Map.entry("MATCH_SEQUENCE", MATCH),
          Map.entry("GET_LEN", MATCH),
          Map.entry("LOAD_BUILD_CLASS", "a class statement (the VM has no classes)"),
          Map.entry("LOAD_CLASSDEREF", "a class body that reads a variable of its function"),
          Map.entry("SETUP_ANNOTATIONS", "a variable annotation at module or class level (x: int)"),
          Map.entry("STORE_ATTR", "an attribute assignment (obj.x = ...)"),
          Map.entry("DELETE_ATTR", "del of an attribute (del obj.x)"),
          Map.entry("DELETE_GLOBAL", "del of a global variable"),
          Map.entry("DELETE_NAME", "del of a module-level name"),
          Map.entry("BUILD_SLICE", "a slice (x[a:b] or x[a:b:c])"),
          Map.entry("UNPACK_EX", "a starred assignment (a, *rest = ...)"),
          Map.entry("LIST_TO_TUPLE", "a tuple display with a starred item ((*a, b))"),
          Map.entry("DICT_MERGE", "**mapping in a call (f(**kw))"),
          Map.entry("DICT_UPDATE", "**mapping in a dict display ({**a, 'k': 1})"),
          Map.entry("IMPORT_STAR", "from module import *"),
          Map.entry("CHECK_EG_MATCH", "except* (exception groups)"),
          Map.entry("PREP_RERAISE_STAR", "except* (exception groups)"),
          Map.entry("PRINT_EXPR", "an expression statement of the interactive prompt"));

  /** The construct {@code opname} comes from, or {@code null} if this class does not know it. */
  static String construct(String opname) {
    return CONSTRUCTS.get(opname);
  }
}
