package gilbook.runtime;

import java.util.Objects;

/**
 * A C function that works on a buffer and may release the GIL while it does, as CPython's hashlib
 * does for inputs longer than 2047 bytes ({@code HASHLIB_GIL_MINSIZE} is 2048).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the Python name, for the trace (for example {@code "hashlib.sha256"})
 * @param releasesGilAbove the call releases the GIL when the input is longer than this many bytes;
 *     {@code Long.MAX_VALUE} for a function that never releases it
 * @param fixedNanos the cost of one call, whatever the input
 * @param picosPerByte the cost per input byte, in picoseconds (1000 = 1 ns per byte)
 */
public record NativeFunction(
    String name, long releasesGilAbove, long fixedNanos, long picosPerByte) {

  /**
   * {@code hashlib.sha256}: releases the GIL above 2047 bytes. The cost, 0.85 ns per byte, is what
   * CPython 3.11 measured on this project's reference machine for 64 MiB buffers
   * (docs/BENCHMARKS.md, benchmark d).
   */
  public static final NativeFunction SHA256 = new NativeFunction("hashlib.sha256", 2047, 300, 850);

  public NativeFunction {
    Objects.requireNonNull(name, "name must not be null");
    if (releasesGilAbove < 0) {
      throw new IllegalArgumentException("releasesGilAbove must be >= 0, got " + releasesGilAbove);
    }
    if (fixedNanos < 0 || picosPerByte < 0) {
      throw new IllegalArgumentException(
          "costs must be >= 0, got fixedNanos=" + fixedNanos + ", picosPerByte=" + picosPerByte);
    }
  }

  /** Whether a call with {@code bytes} of input releases the GIL. */
  public boolean releasesGil(long bytes) {
    return bytes > releasesGilAbove;
  }

  /** What a call with {@code bytes} of input costs, in nanoseconds. */
  public long costNanos(long bytes) {
    try {
      return Math.addExact(fixedNanos, Math.multiplyExact(bytes, picosPerByte) / 1000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          name + " on " + bytes + " bytes would take longer than the simulation can count");
    }
  }
}
