package gilbook.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into the build, read once from {@code gilbook-version.properties}. */
public final class Version {
  private Version() {}

  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/gilbook-version.properties")) {
      if (in == null) {
        return "(unknown version)";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "(unknown version)");
    } catch (IOException e) {
      return "(unknown version)";
    }
  }
}
