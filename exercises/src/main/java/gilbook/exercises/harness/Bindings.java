package gilbook.exercises.harness;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the snippet the harness generates puts the learner's implementation of a contract, so that
 * the checks (outside JShell, in the same JVM) can call it. Thread-safe.
 */
public final class Bindings {
  private static final Map<Class<?>, Object> BOUND = new ConcurrentHashMap<>();

  /** Set by the harness's probe snippet; see {@link JShellHarness}. */
  public static volatile Throwable probe;

  private Bindings() {}

  /** Called from the generated snippet. */
  public static <T> void bind(Class<T> contract, T implementation) {
    BOUND.put(contract, contract.cast(implementation));
  }

  /** The learner's implementation of {@code contract}, or {@code null}. */
  public static <T> T get(Class<T> contract) {
    return contract.cast(BOUND.get(contract));
  }

  /** Forgets every binding, before another file is loaded. */
  public static void clear() {
    BOUND.clear();
  }
}
