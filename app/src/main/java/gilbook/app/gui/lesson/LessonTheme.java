package gilbook.app.gui.lesson;

/**
 * The two colour schemes a lesson page comes in, matching AtlantaFX's PrimerLight and PrimerDark.
 * Immutable and thread-safe.
 */
public enum LessonTheme {
  LIGHT,
  DARK;

  /** Returns {@link #DARK} when {@code dark} is true, otherwise {@link #LIGHT}. */
  public static LessonTheme of(boolean dark) {
    return dark ? DARK : LIGHT;
  }
}
