package gilbook.exercises.manifest;

/**
 * The manifest is missing, unreadable or inconsistent; the message says where and how to fix it.
 */
public final class ManifestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ManifestException(String message) {
    super(message);
  }

  public ManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
