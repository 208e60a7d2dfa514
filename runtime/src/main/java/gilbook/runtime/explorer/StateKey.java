package gilbook.runtime.explorer;

import java.util.Arrays;

/**
 * A {@link ProgramState} reduced to what decides its future, usable as a map key: the explorer
 * meets the same state through many schedules, and explores it once. Immutable.
 */
final class StateKey {
  private final int[] values;
  private final int hash;

  StateKey(int[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StateKey other && hash == other.hash && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
