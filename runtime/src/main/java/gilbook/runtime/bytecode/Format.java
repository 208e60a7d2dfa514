package gilbook.runtime.bytecode;

import static gilbook.runtime.bytecode.Values.typeName;

import gilbook.runtime.PyBool;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyUnicode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code format(value, spec)} ({@code PyObject_Format}) for {@code FORMAT_VALUE} and {@code
 * str.format}: the format-specification mini-language of {@code int.__format__} and {@code
 * str.__format__} ({@code Python/formatter_unicode.c}), without float presentation types, which
 * need float (the VM has none). Other values accept only the empty spec, as {@code
 * object.__format__} does.
 */
final class Format {
  private Format() {}

  /** {@code [[fill]align][sign][#][0][width][grouping][.precision][type]}. */
  private static final Pattern SPEC =
      Pattern.compile(
          "^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([a-zA-Z%])?$",
          Pattern.DOTALL);

  /** {@code format(value, spec)}. */
  static String format(Object value, String spec) {
    if (spec.isEmpty()) {
      return Values.str(value);
    }
    boolean isBool = value instanceof PyBool;
    if (!(value instanceof PyLong || isBool || value instanceof PyUnicode)) {
      throw new PythonError(
          "TypeError", "unsupported format string passed to " + typeName(value) + ".__format__");
    }
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw new PythonError("ValueError", "Invalid format specifier '" + spec + "'");
    }
    String fill = m.group(1) != null ? m.group(1) : m.group(5) != null ? "0" : " ";
    String align = m.group(2);
    String sign = m.group(3);
    boolean alternate = m.group(4) != null;
    int width = m.group(6) != null ? Integer.parseInt(m.group(6)) : 0;
    String grouping = m.group(7);
    String precision = m.group(8);
    String type = m.group(9) != null ? m.group(9) : "";
    if (value instanceof PyUnicode s) {
      return formatText(s.value(), spec);
    }
    long v = Values.asLong(value);
    if (precision != null) {
      throw new PythonError("ValueError", "Precision not allowed in integer format specifier");
    }
    String digits =
        switch (type) {
          case "", "d", "n" -> Long.toString(Math.abs(v));
          case "x" -> Long.toHexString(Math.abs(v));
          case "X" -> Long.toHexString(Math.abs(v)).toUpperCase(java.util.Locale.ROOT);
          case "o" -> Long.toOctalString(Math.abs(v));
          case "b" -> Long.toBinaryString(Math.abs(v));
          case "c" -> Character.toString((int) v);
          case "e", "E", "f", "F", "g", "G", "%" ->
              throw new PythonError(
                  "ValueError",
                  "format code '"
                      + type
                      + "' turns the int into a float, which the VM does not"
                      + " have");
          default ->
              throw new PythonError(
                  "ValueError",
                  "Unknown format code '"
                      + type
                      + "' for object of type '"
                      + typeName(value)
                      + "'");
        };
    if (v == Long.MIN_VALUE) {
      throw new PythonError("OverflowError", "the simulated int is limited to 64 bits");
    }
    if (grouping != null) {
      int every = type.matches("[xXob]") ? 4 : 3;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < digits.length(); i++) {
        if (i > 0 && (digits.length() - i) % every == 0) {
          sb.append(grouping);
        }
        sb.append(digits.charAt(i));
      }
      digits = sb.toString();
    }
    String prefix = v < 0 ? "-" : sign == null || sign.equals("-") ? "" : sign;
    if (alternate && type.matches("[xXob]")) {
      prefix += "0" + type;
    }
    if (m.group(5) != null && align == null) {
      align = "=";
    }
    return pad(digits, prefix, fill, align == null ? ">" : align, width);
  }

  /** Pads {@code prefix + body} to {@code width}; {@code =} puts the fill after the prefix. */
  private static String pad(String body, String prefix, String fill, String align, int width) {
    int missing = width - prefix.length() - body.length();
    if (missing <= 0) {
      return prefix + body;
    }
    return switch (align) {
      case "<" -> prefix + body + fill.repeat(missing);
      case "^" -> fill.repeat(missing / 2) + prefix + body + fill.repeat(missing - missing / 2);
      case "=" -> prefix + fill.repeat(missing) + body;
      default -> fill.repeat(missing) + prefix + body;
    };
  }

  /**
   * {@code template.format(*args)}: {@code {}}, {@code {N}}, each with an optional {@code !r} /
   * {@code !s} and {@code :spec}, and {@code {{}} / {@code }}}. Named fields are not supported.
   */
  static String strFormat(String template, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int auto = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        out.append('}');
        i++;
        continue;
      }
      if (c != '{') {
        out.append(c);
        continue;
      }
      if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
        out.append('{');
        i++;
        continue;
      }
      int close = template.indexOf('}', i);
      if (close < 0) {
        throw new PythonError("ValueError", "Single '{' encountered in format string");
      }
      String field = template.substring(i + 1, close);
      String spec = "";
      int colon = field.indexOf(':');
      if (colon >= 0) {
        spec = field.substring(colon + 1);
        field = field.substring(0, colon);
      }
      String conversion = "";
      int bang = field.indexOf('!');
      if (bang >= 0) {
        conversion = field.substring(bang + 1);
        field = field.substring(0, bang);
      }
      int index;
      if (field.isEmpty()) {
        index = auto++;
      } else if (field.matches("\\d+")) {
        index = Integer.parseInt(field);
      } else {
        throw new PythonError(
            "KeyError", "'" + field + "' (the VM's str.format takes positional fields only)");
      }
      if (index >= args.size()) {
        throw new PythonError(
            "IndexError", "Replacement index " + index + " out of range for positional args tuple");
      }
      Object value = args.get(index);
      String text =
          switch (conversion) {
            case "" -> null;
            case "s" -> Values.str(value);
            case "r" -> Values.repr(value);
            default ->
                throw new PythonError("ValueError", "Unknown conversion specifier " + conversion);
          };
      out.append(
          text == null ? format(value, spec) : spec.isEmpty() ? text : formatText(text, spec));
      i = close;
    }
    return out.toString();
  }

  /** {@code str.__format__(text, spec)}: fill, align, width and precision. */
  static String formatText(String text, String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw new PythonError("ValueError", "Invalid format specifier '" + spec + "' for str");
    }
    String type = m.group(9);
    if (type != null && !type.equals("s")) {
      throw new PythonError(
          "ValueError", "Unknown format code '" + type + "' for object of type 'str'");
    }
    String align = m.group(2);
    if (m.group(3) != null || m.group(4) != null || m.group(7) != null || "=".equals(align)) {
      throw new PythonError("ValueError", "Invalid format specifier '" + spec + "' for str");
    }
    String fill = m.group(1) != null ? m.group(1) : m.group(5) != null ? "0" : " ";
    int width = m.group(6) != null ? Integer.parseInt(m.group(6)) : 0;
    String body = text;
    if (m.group(8) != null) {
      body = body.substring(0, Math.min(body.length(), Integer.parseInt(m.group(8))));
    }
    return pad(body, "", fill, align == null ? "<" : align, width);
  }

  /**
   * {@code FORMAT_VALUE}: {@code conversion} 0 (none), 1 ({@code !s}), 2 ({@code !r}) or 3 ({@code
   * !a}), then {@code format(value, spec)}.
   */
  static String formatValue(Object value, int conversion, String spec) {
    String text =
        switch (conversion) {
          case 0 -> null;
          case 1 -> Values.str(value);
          case 2, 3 -> Values.repr(value); // !a: the VM's strings are ASCII in practice
          default ->
              throw new PythonError("SystemError", "unexpected conversion flag " + conversion);
        };
    if (text == null) {
      return format(value, spec);
    }
    return spec.isEmpty() ? text : formatText(text, spec);
  }
}
