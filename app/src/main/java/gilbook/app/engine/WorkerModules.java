package gilbook.app.engine;

import gilbook.exercises.worker.Worker;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a worker JVM is laid out: gilbook's exercises (with the worker), the runtime and JUnit as
 * named modules on the module path, everything else (Jackson) on the class path, where learner code
 * lives too. The whole class path is passed as well, because JShell compiles snippets against it;
 * classes of a package that a named module holds always load from the module.
 *
 * <p>Notes. Learner code then reaches only what the exercises module exports (see its
 * module-info.java) and the runtime's API (not {@code gilbook.runtime.internal}), and JUnit's
 * internals, which carry each check's verdict, are closed to it. Nothing is opened with {@code
 * --add-opens}, and the worker's root module does not need {@code jdk.unsupported}, so {@code
 * sun.misc.Unsafe} is not in the JVM at all; {@code --limit-modules} is not used, because it would
 * also turn off class-data sharing. The jars are found from the classes they hold, so the layout
 * follows whatever class path this JVM has (jars when installed, folders of classes in a
 * development build).
 */
final class WorkerModules {
  /** The worker's module and main class. */
  static final String MAIN = "gilbook.exercises/" + Worker.class.getName();

  /** One class from each module the worker needs on the module path. */
  private static final List<String> MODULE_CLASSES =
      List.of(
          "gilbook/runtime/Interpreter.class",
          "org/junit/platform/commons/support/ReflectionSupport.class",
          "org/junit/platform/engine/TestEngine.class",
          "org/junit/platform/launcher/Launcher.class",
          "org/junit/jupiter/api/Test.class",
          "org/junit/jupiter/engine/JupiterTestEngine.class",
          "org/opentest4j/AssertionFailedError.class",
          "org/apiguardian/api/API.class");

  private static volatile String modulePath;

  private WorkerModules() {}

  /** The worker's {@code --module-path}. */
  static String modulePath() {
    String mp = modulePath;
    if (mp == null) {
      Set<String> entries = new LinkedHashSet<>();
      entries.add(locate(Worker.class.getName().replace('.', '/') + ".class"));
      for (String resource : MODULE_CLASSES) {
        entries.add(locate(resource));
      }
      mp = String.join(File.pathSeparator, entries);
      modulePath = mp;
    }
    return mp;
  }

  /** The JVM options that set the worker's modules up, before {@code -cp}. */
  static List<String> options() {
    List<String> out = new ArrayList<>();
    out.add("--module-path");
    out.add(modulePath());
    // The exercises read Jackson, which is unnamed; nothing is opened.
    out.add("--add-reads");
    out.add("gilbook.exercises=ALL-UNNAMED");
    return out;
  }

  /** The jar or folder of classes that holds {@code resource}. */
  private static String locate(String resource) {
    URL url = WorkerModules.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new EngineException(
          "the worker's module path is incomplete: "
              + resource
              + " is not on the class path; rebuild gilbook");
    }
    String s = url.toString();
    try {
      if (s.startsWith("jar:")) {
        return Path.of(new URL(s.substring(4, s.indexOf("!/"))).toURI()).toString();
      }
      Path file = Path.of(url.toURI());
      Path root = file;
      for (int i = 0; i < resource.split("/").length; i++) {
        root = root.getParent();
      }
      return root.toString();
    } catch (URISyntaxException | java.net.MalformedURLException e) {
      throw new EngineException("cannot read the class path entry of " + resource + ": " + s, e);
    }
  }
}
