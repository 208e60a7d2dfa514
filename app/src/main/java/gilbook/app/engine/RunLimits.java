package gilbook.app.engine;

/** How long Run lets code run: one limit for the CLI and the window. */
public final class RunLimits {
  /**
   * Seconds a Run may take before it is stopped; an exercise whose checks allow longer gets that
   * instead (see {@link Workbook#run}).
   */
  public static final int SECONDS = 30;

  private RunLimits() {}
}
