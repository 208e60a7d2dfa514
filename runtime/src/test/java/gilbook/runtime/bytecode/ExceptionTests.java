package gilbook.runtime.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Python errors in the bytecode VM: reference counts on every error path, handlers from the
 * listing's exception table, and the traceback of an uncaught one. The listings are python3
 * 3.11.7's; the expected results are what python3 3.11.7 gave on the same functions.
 */
class ExceptionTests {
  /**
   * {@code def f(stat): c = stat["count"]; return no_such_function(c)}, from python3 3.11.7's
   * {@code dis.dis(compile(src, "bug.py", "exec"))}.
   */
  private static final String SUBSCRIPT_THEN_UNDEFINED =
      "Disassembly of <code object f at 0x7fb8b90fe5b0, file \"bug.py\", line 1>:\n"
          + "  1           0 RESUME                   0\n"
          + "\n"
          + "  2           2 LOAD_FAST                0 (stat)\n"
          + "              4 LOAD_CONST               1 ('count')\n"
          + "              6 BINARY_SUBSCR\n"
          + "             16 STORE_FAST               1 (c)\n"
          + "\n"
          + "  3          18 LOAD_GLOBAL              1 (NULL + no_such_function)\n"
          + "             30 LOAD_FAST                1 (c)\n"
          + "             32 PRECALL                  1\n"
          + "             36 CALL                     1\n"
          + "             46 RETURN_VALUE\n";

  static Map<String, Object> stat(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static void balanced(DisRun.Result r) {
    assertTrue(r.shutdown().leaks().isEmpty(), r.shutdown().toString());
  }

  /**
   * The bug of issue 13: the name lookup that failed had already moved the stack pointer, so the
   * error path released a stale slot (the key {@code 'count'}, already released) a second time.
   */
  @Test
  void anUndefinedNameAfterASubscriptIsANameErrorAndReleasesEachReferenceOnce() {
    DisRun.Result r =
        DisRun.builder(SUBSCRIPT_THEN_UNDEFINED)
            .entry("f")
            .threads(1)
            .args(Map.of("stat", stat("count", 1000L)))
            .run();
    assertEquals(
        Map.of("Thread-1", "NameError: name 'no_such_function' is not defined"), r.errors());
    assertEquals(Map.of("count", 1000L), r.args().get("stat"));
    balanced(r);
  }
}
