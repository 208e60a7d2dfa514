package gilbook.exercises.checks.ch07;

import gilbook.runtime.PyDict;
import gilbook.runtime.PyList;
import gilbook.runtime.PyLong;
import gilbook.runtime.PyObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's dict as plain Java, and what is wrong with it, said without the factors the learner
 * is meant to compute. Immutable.
 *
 * @param entries each int key with its value: the list of ints, or {@code null} when the value is
 *     not a list of ints
 * @param otherKeys how many keys are not ints
 * @param refcnt the dict's reference count when it was returned
 * @param returned whether the function returned a dict at all
 */
record FactorDict(Map<Long, List<Long>> entries, int otherKeys, int refcnt, boolean returned) {
  /** What a function that returned {@code null} gave. */
  static final FactorDict NONE = new FactorDict(Map.of(), 0, 0, false);

  /** Reads {@code dict}; the caller holds the GIL. */
  static FactorDict read(PyDict dict) {
    if (dict == null) {
      return NONE;
    }
    Map<Long, List<Long>> entries = new LinkedHashMap<>();
    int otherKeys = 0;
    for (Map.Entry<PyObject, PyObject> e : dict.itemsView()) {
      if (!(e.getKey() instanceof PyLong key)) {
        otherKeys++;
        continue;
      }
      entries.put(key.asLong(), ints(e.getValue()));
    }
    return new FactorDict(entries, otherKeys, dict.refcnt(), true);
  }

  private static List<Long> ints(PyObject value) {
    if (!(value instanceof PyList list)) {
      return null;
    }
    List<Long> out = new ArrayList<>();
    for (PyObject item : list.itemsView()) {
      if (!(item instanceof PyLong n)) {
        return null;
      }
      out.add(n.asLong());
    }
    return out;
  }

  /**
   * Empty when every int of {@code required} is a key, every key is an int of {@code allowed}, and
   * each key maps to its factors; else what is wrong.
   */
  Optional<String> check(List<Ch07Inputs.Factored> required, Map<Long, List<Long>> allowed) {
    if (!returned) {
      return Optional.of("it returned null instead of a dict");
    }
    List<String> problems = new ArrayList<>();
    long missing = required.stream().filter(f -> !entries.containsKey(f.value())).count();
    if (missing > 0) {
      problems.add(
          missing
              + " of "
              + required.size()
              + " ints of the list "
              + (missing == 1 ? "has" : "have")
              + " no key");
    }
    long strangers = entries.keySet().stream().filter(k -> !allowed.containsKey(k)).count();
    if (strangers + otherKeys > 0) {
      long count = strangers + otherKeys;
      problems.add(
          count + (count == 1 ? " key is not an int" : " keys are not ints") + " of the list");
    }
    List<String> wrong = new ArrayList<>();
    entries.forEach(
        (key, value) -> {
          List<Long> factors = allowed.get(key);
          if (factors != null && !factors.equals(value)) {
            wrong.add("for " + key + " " + whatIsWrong(value));
          }
        });
    if (!wrong.isEmpty()) {
      problems.add(
          wrong.size()
              + " of "
              + entries.size()
              + " keys map to something other than the int's unique prime factors, ascending ("
              + String.join("; ", wrong)
              + ")");
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  private static String whatIsWrong(List<Long> value) {
    if (value == null) {
      return "the value is not a list of ints";
    }
    for (int i = 1; i < value.size(); i++) {
      if (value.get(i).equals(value.get(i - 1))) {
        return "the list repeats a factor";
      }
      if (value.get(i) < value.get(i - 1)) {
        return "the list is not in ascending order";
      }
    }
    return "the list is not the int's prime factors";
  }

  /** The int-keyed entries as Python prints a dict: {@code {387: [3, 43], 2: [2]}}. */
  String toPython() {
    List<String> parts = new ArrayList<>();
    entries.forEach((k, v) -> parts.add(k + ": " + (v == null ? "(not a list of ints)" : v)));
    return "{" + String.join(", ", parts) + "}";
  }
}
