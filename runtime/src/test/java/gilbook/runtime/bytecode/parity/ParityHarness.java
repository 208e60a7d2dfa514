package gilbook.runtime.bytecode.parity;

import gilbook.runtime.bytecode.DisRun;
import gilbook.runtime.bytecode.Listing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a parity case in the VM and judges its outcome against CPython's. Stateless and thread-safe;
 * {@link #mismatches} is pure, so a test can feed it a deliberately wrong expectation and see it
 * fail.
 */
final class ParityHarness {
  private ParityHarness() {}

  /**
   * Whether {@code DisRun} runs a listing's module code before the entry. It came with {@code
   * DisRun.asMain()} (issue 13, whole modules); before that, {@code module=true} cases are skipped.
   */
  static final boolean VM_RUNS_MODULES =
      Arrays.stream(DisRun.class.getMethods()).anyMatch(m -> m.getName().equals("asMain"));

  /**
   * Runs the case's entry in the VM on CPython's listing, with one seed. The globals it returns
   * leave out the listing's functions: CPython's side reports data only.
   *
   * @throws UnsupportedOperationException for {@code module=true} while {@code DisRun} cannot run
   *     module code
   */
  @SuppressWarnings("unchecked")
  static Outcome vm(ParityCase c, String listingText, long seed) {
    if (c.module() && !VM_RUNS_MODULES) {
      throw new UnsupportedOperationException(
          "module=true: DisRun does not run a listing's module code yet");
    }
    Listing listing = Listing.parse(listingText);
    DisRun.Result r =
        DisRun.builder(listing)
            .entry(c.entry())
            .threads(c.threads())
            .args(c.args())
            .globals(c.globals())
            .policy(c.policy())
            .switchInterval(c.interval())
            .seed(seed)
            .run();
    Map<String, Object> globals = (Map<String, Object>) ParityJson.normalise(r.globals());
    globals.keySet().removeAll(listing.functions().keySet());
    return new Outcome(
        (Map<String, Object>) ParityJson.normalise(r.args()), globals, r.stdout(), r.errors());
  }

  /**
   * What differs between CPython's run and the VM's under the case's {@code compare} mode; empty
   * when the VM passes.
   *
   * @param invariant evaluates {@code expect} on an outcome (python3, or a stand-in in tests)
   */
  static List<String> mismatches(
      ParityCase c, CPythonSide.Run py, Outcome vm, long seed, Invariant invariant) {
    List<String> out = new ArrayList<>();
    if (!c.module() && !py.moduleData().isEmpty()) {
      out.add(
          "the module's own code assigns "
              + py.moduleData()
              + ": without module=true a case's module only defines functions; give that data"
              + " in globals=, or run the module with module=true");
    }
    String vmName = "VM (seed " + seed + ", policy " + c.policy().label() + ")";
    switch (c.compare()) {
      case EXACT -> diff(out, "CPython", py.threaded(), vmName, vm, c.module(), false);
      case NO_LOST_UPDATES -> {
        Objects.requireNonNull(py.serial(), "the driver ran no serial run");
        List<String> cpython = new ArrayList<>();
        diff(
            cpython,
            "CPython, one call after another",
            py.serial(),
            "CPython, threads",
            py.threaded(),
            c.module(),
            true);
        for (String m : cpython) {
          out.add("the case depends on the schedule on CPython itself: " + m);
        }
        diff(out, "CPython, one call after another", py.serial(), vmName, vm, c.module(), true);
      }
      case INVARIANT -> {
        Map<String, Outcome> sides = new LinkedHashMap<>();
        sides.put("CPython", py.threaded());
        sides.put(vmName, vm);
        for (Map.Entry<String, Outcome> side : sides.entrySet()) {
          if (!side.getValue().errors().isEmpty()) {
            out.add(side.getKey() + ": threads raised " + side.getValue().errors());
          }
          if (!invariant.holds(c.expect(), side.getValue())) {
            out.add(
                side.getKey()
                    + ": expect=\""
                    + c.expect()
                    + "\" is false for args "
                    + side.getValue().args()
                    + ", globals "
                    + side.getValue().globals());
          }
        }
      }
    }
    return out;
  }

  /** Evaluates a case's {@code expect} expression on one side's outcome. */
  @FunctionalInterface
  interface Invariant {
    boolean holds(String expr, Outcome o);
  }

  private static void diff(
      List<String> out,
      String aName,
      Outcome a,
      String bName,
      Outcome b,
      boolean module,
      boolean anyOrder) {
    same(out, "args", aName, a.args(), bName, b.args());
    Map<String, Object> bGlobals = b.globals();
    if (module) { // the VM may keep objects CPython's side leaves out (functions, locks)
      bGlobals = new LinkedHashMap<>();
      for (String k : a.globals().keySet()) {
        bGlobals.put(k, b.globals().get(k));
      }
    }
    same(out, "globals", aName, a.globals(), bName, bGlobals);
    if (anyOrder) {
      same(out, "printed lines (sorted)", aName, a.sortedLines(), bName, b.sortedLines());
    } else {
      same(out, "printed output", aName, a.stdout(), bName, b.stdout());
    }
    same(out, "exceptions by thread", aName, a.errorTypes(), bName, b.errorTypes());
  }

  private static void same(
      List<String> out, String what, String aName, Object a, String bName, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(what + " differ: " + aName + " " + show(a) + ", " + bName + " " + show(b));
    }
  }

  private static String show(Object v) {
    String s = v instanceof String str ? ParityJson.write(str) : String.valueOf(v);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
