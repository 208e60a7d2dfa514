package gilbook.app.cli;

import gilbook.app.Version;
import picocli.CommandLine.IVersionProvider;

/** Supplies {@code gilbook --version} from the version Maven stamped into the build. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "gilbook " + Version.current(), "Java " + System.getProperty("java.version")
    };
  }
}
