package gilbook.runtime.bytecode;

import gilbook.runtime.PyBool;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyNone;
import gilbook.runtime.PyUnicode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the values a listing shows in parentheses: {@code LOAD_CONST}'s constant, the name of
 * {@code LOAD_GLOBAL} and friends, and {@code KW_NAMES}' tuple. {@code dis} prints {@code
 * repr(value)}, so this reads Python literals.
 */
final class Constants {
  private Constants() {}

  /** The name an instruction uses: {@code NULL + range} gives {@code range}. */
  static String name(Instruction in) {
    String r = in.argrepr();
    return r.startsWith("NULL + ") ? r.substring("NULL + ".length()) : r;
  }

  /**
   * {@code LOAD_CONST}'s value as a new reference, or a {@link Callables.Function} for a code
   * object of the listing.
   *
   * @throws ListingException for a constant the VM cannot make
   */
  static Object constant(Instruction in, Map<String, DisFunction> functions) {
    String r = in.argrepr();
    try {
      if (r.equals("None")) {
        return PyNone.get();
      }
      if (r.equals("True") || r.equals("False")) {
        return PyBool.of(r.equals("True"));
      }
      if (r.matches("-?\\d+")) {
        return PyLong.fromLong(Long.parseLong(r));
      }
      if (r.matches("-?\\d+\\.\\d+(e[-+]?\\d+)?|-?\\d+e[-+]?\\d+")) {
        // a float, such as time.sleep(0.001)'s: a VM value (the VM has no float object), which
        // only what takes seconds reads; arithmetic on it is refused
        return Double.valueOf(r);
      }
      if (r.length() >= 2
          && (r.startsWith("'") && r.endsWith("'") || r.startsWith("\"") && r.endsWith("\""))) {
        return PyUnicode.of(unescape(r.substring(1, r.length() - 1)));
      }
      if (r.startsWith("(") || r.startsWith("frozenset(")) {
        return Literals.parse(r);
      }
      if (r.startsWith("<code object ")) {
        DisFunction f = codeObject(r, functions);
        if (f != null) {
          return new Callables.Function(f);
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below (NumberFormatException is one)
    }
    throw new ListingException(
        in.listingLine(),
        "constant "
            + r
            + " is not supported; the VM knows None, True, False, ints, floats (for"
            + " time.sleep and timeouts), strings, tuples and frozensets of those, and the"
            + " listing's code objects");
  }

  /**
   * The code object {@code <code object NAME at 0x..., file "...", line N>} names: the one whose
   * header has that address (two comprehensions are both {@code <listcomp>}), or else the one named
   * NAME (a listing whose headers carry no address), or null.
   */
  static DisFunction codeObject(String argrepr, Map<String, DisFunction> functions) {
    String address = Listing.address(argrepr);
    if (address != null) {
      for (DisFunction f : functions.values()) {
        if (address.equals(f.address())) {
          return f;
        }
      }
    }
    return functions.get(argrepr.substring("<code object ".length()).split(" ")[0]);
  }

  /** A string literal's body with its backslash escapes read. */
  static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> n;
            });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The names of a tuple of strings as {@code repr} prints it: {@code ('end', 'sep')}. */
  static List<String> names(String argrepr) {
    List<String> out = new ArrayList<>();
    for (String part : argrepr.replaceAll("[()\\s]", "").split(",")) {
      if (!part.isEmpty()) {
        out.add(part.substring(1, part.length() - 1));
      }
    }
    return out;
  }
}
