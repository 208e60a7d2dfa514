package gilbook.exercises.harness;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet.Status;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Loads a learner's {@code .jsh} file into a JShell whose code runs in this JVM, with the runtime
 * on the class path and its imports preloaded, and binds the learner's methods to the exercise's
 * contract.
 *
 * <p>Problems are reported at the learner's own lines: compile errors with the compiler's message
 * and column, exceptions with the line that threw. {@link #learnerLine(Throwable)} does the same
 * for exceptions thrown later, when the checks call the learner's code.
 *
 * <p>The local execution engine is used on purpose: it starts fast and shares this JVM's classes,
 * so a bound contract is a plain Java object. The price is that learner code can end this JVM,
 * which is why the app always runs the harness in a child JVM. Not thread-safe.
 */
public final class JShellHarness implements AutoCloseable {

  /** The imports every learner file starts with. */
  public static final List<String> IMPORTS =
      List.of(
          "import gilbook.runtime.*;",
          "import gilbook.runtime.explorer.*;",
          "import java.nio.file.Path;", // the runtime writes a trace to a Path
          "import java.time.Duration;",
          "import java.util.*;",
          "import java.util.function.*;");

  private static final Pattern WRAPPER = Pattern.compile("\\$JShell\\$(\\d+)");

  private final JShell jshell;
  private final Map<String, Snippet> snippets = new HashMap<>();
  private int wrapperLineOffset = 4;

  public JShellHarness(PrintStream out, PrintStream err) {
    this.jshell = JShell.builder().executionEngine("local").out(out).err(err).build();
    jshell.addToClasspath(System.getProperty("java.class.path"));
    for (String imp : IMPORTS) {
      for (SnippetEvent e : jshell.eval(imp)) {
        if (e.status() == Status.REJECTED) {
          throw new IllegalStateException(
              "the runtime is not on the class path: " + imp + " was rejected");
        }
      }
    }
    calibrate();
  }

  /**
   * Finds how many lines JShell's wrapper class adds before a method's body, by throwing from a
   * probe method on its first line and reading the line of the frame.
   */
  private void calibrate() {
    List<SnippetEvent> probe =
        jshell.eval("void gilbook$probe() { throw new RuntimeException(\"probe\"); }");
    String id = probe.get(0).snippet().id();
    jshell.eval(
        "try { gilbook$probe(); } catch (RuntimeException e) {"
            + " gilbook.exercises.harness.Bindings.probe = e; }");
    Throwable t = Bindings.probe;
    if (t == null) {
      return;
    }
    for (StackTraceElement frame : t.getStackTrace()) {
      Matcher m = WRAPPER.matcher(frame.getClassName());
      if (m.find() && m.group(1).equals(id)) {
        wrapperLineOffset = frame.getLineNumber() - 1;
        return;
      }
    }
  }

  /** Evaluates the file snippet by snippet; stops at the first exception. */
  public LoadResult load(String text) {
    Bindings.clear();
    List<Problem> problems = new ArrayList<>();
    Snippets.Split split = Snippets.split(text, jshell.sourceCodeAnalysis());
    for (Snippet snippet : split.snippets()) {
      for (SnippetEvent event : jshell.eval(snippet.source())) {
        if (event.causeSnippet() != null) {
          continue; // a consequence of this snippet for an earlier one
        }
        snippets.put(event.snippet().id(), snippet);
        if (event.status() == Status.REJECTED) {
          problems.addAll(compileErrors(event, snippet));
        } else if (event.status() == Status.RECOVERABLE_DEFINED
            || event.status() == Status.RECOVERABLE_NOT_DEFINED) {
          problems.add(unresolved(event, snippet));
        }
        if (event.exception() != null) {
          problems.add(exception(event.exception(), snippet));
          return new LoadResult(problems);
        }
      }
    }
    if (split.unfinished() != null) {
      problems.add(split.unfinished());
    }
    return new LoadResult(problems);
  }

  private List<Problem> compileErrors(SnippetEvent event, Snippet snippet) {
    List<Problem> out = new ArrayList<>();
    List<Diag> diags = jshell.diagnostics(event.snippet()).collect(Collectors.toList());
    for (Diag d : diags) {
      if (!d.isError()) {
        continue;
      }
      long pos = d.getPosition() >= 0 ? d.getPosition() : 0;
      out.add(
          new Problem(
              Problem.Kind.COMPILE,
              snippet.lineOf(pos),
              snippet.columnOf(pos),
              CompilerMessage.concise(d.getMessage(Locale.ROOT))));
    }
    if (out.isEmpty()) {
      out.add(
          new Problem(
              Problem.Kind.COMPILE,
              snippet.startLine(),
              0,
              "this is not a Java statement or declaration JShell can run"));
    }
    return out;
  }

  private Problem unresolved(SnippetEvent event, Snippet snippet) {
    String missing =
        jshell
            .unresolvedDependencies((jdk.jshell.DeclarationSnippet) event.snippet())
            .collect(Collectors.joining(", "));
    return new Problem(
        Problem.Kind.COMPILE,
        snippet.startLine(),
        0,
        "cannot find symbol: " + missing + " (define it, or check its spelling)");
  }

  private Problem exception(Throwable thrown, Snippet snippet) {
    int line = snippet.startLine();
    if (thrown instanceof EvalException || thrown instanceof UnresolvedReferenceException) {
      for (StackTraceElement frame : thrown.getStackTrace()) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#") && frame.getLineNumber() > 0) {
          Snippet at = snippets.get(file.substring(1, indexOrEnd(file, ':')));
          if (at != null) {
            line = at.startLine() + frame.getLineNumber() - 1;
            break;
          }
        }
      }
    }
    return new Problem(Problem.Kind.EXCEPTION, line, 0, describe(thrown));
  }

  private static int indexOrEnd(String s, char c) {
    int i = s.indexOf(c);
    return i < 0 ? s.length() : i;
  }

  /** {@code Type: message}, with the original type for exceptions JShell wrapped. */
  public static String describe(Throwable thrown) {
    String type =
        thrown instanceof EvalException ee
            ? simpleName(ee.getExceptionClassName())
            : thrown.getClass().getSimpleName();
    if (thrown instanceof UnresolvedReferenceException) {
      return "a method it calls is not defined: " + thrown.getMessage();
    }
    String message = thrown.getMessage();
    return message == null ? type : type + ": " + message;
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /**
   * The learner-file line of the deepest frame of {@code thrown} that ran learner code, when the
   * exception came from a call into learner code made outside JShell.
   */
  public Optional<Integer> learnerLine(Throwable thrown) {
    for (StackTraceElement frame : thrown.getStackTrace()) {
      Matcher m = WRAPPER.matcher(frame.getClassName());
      if (m.find() && frame.getLineNumber() > wrapperLineOffset) {
        Snippet s = snippets.get(m.group(1));
        if (s != null) {
          return Optional.of(s.startLine() + frame.getLineNumber() - wrapperLineOffset - 1);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Binds the learner's top-level methods to {@code contract}: each method the interface declares
   * must be defined in the file with the same name and parameter types.
   *
   * @return a contract problem naming the missing method, or empty when bound
   */
  public <T> Optional<Problem> bind(Class<T> contract) {
    List<String> missing = new ArrayList<>();
    StringBuilder aliases = new StringBuilder();
    StringBuilder impl =
        new StringBuilder("gilbook.exercises.harness.Bindings.bind(")
            .append(contract.getCanonicalName())
            .append(".class, new ")
            .append(contract.getCanonicalName())
            .append("() {");
    for (Method m : contract.getMethods()) {
      if (m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      String signature = signature(m);
      if (!defines(m)) {
        missing.add(signature);
        continue;
      }
      String params = params(m, true);
      String args = params(m, false);
      String ret = m.getReturnType().getCanonicalName();
      String call = m.getName() + "(" + args + ")";
      String alias = "gilbook$" + m.getName();
      // A top-level alias, because inside the anonymous class the contract's own method of the
      // same name would shadow the learner's.
      aliases
          .append(ret)
          .append(' ')
          .append(alias)
          .append('(')
          .append(params)
          .append(") { ")
          .append(m.getReturnType() == void.class ? "" : "return ")
          .append(call)
          .append("; }\n");
      impl.append(" public ")
          .append(ret)
          .append(' ')
          .append(m.getName())
          .append('(')
          .append(params)
          .append(") { ")
          .append(m.getReturnType() == void.class ? "" : "return ")
          .append(alias)
          .append('(')
          .append(args)
          .append("); }");
    }
    if (!missing.isEmpty()) {
      return Optional.of(
          new Problem(
              Problem.Kind.CONTRACT,
              0,
              0,
              "the file must define "
                  + String.join(" and ", missing)
                  + "; it is missing, misspelled, or its parameter types differ"));
    }
    impl.append(" });");
    for (String alias : aliases.toString().split("\n")) {
      if (!alias.isBlank()) {
        checkBound(jshell.eval(alias), contract);
      }
    }
    return checkBound(jshell.eval(impl.toString()), contract);
  }

  private Optional<Problem> checkBound(List<SnippetEvent> events, Class<?> contract) {
    for (SnippetEvent e : events) {
      if (e.status() == Status.REJECTED || e.exception() != null) {
        String why =
            e.exception() != null
                ? describe(e.exception())
                : jshell
                    .diagnostics(e.snippet())
                    .map(d -> CompilerMessage.concise(d.getMessage(Locale.ROOT)))
                    .collect(Collectors.joining("; "));
        return Optional.of(
            new Problem(
                Problem.Kind.CONTRACT,
                0,
                0,
                "the file's methods do not fit " + contract.getSimpleName() + ": " + why));
      }
    }
    return Optional.empty();
  }

  private boolean defines(Method m) {
    String wanted = "(" + paramTypes(m) + ")";
    return jshell
        .methods()
        .filter(ms -> jshell.status(ms) == Status.VALID)
        .filter(ms -> ms.name().equals(m.getName()))
        .map(MethodSnippet::parameterTypes)
        .anyMatch(types -> ("(" + types + ")").equals(wanted) || sameSimple(types, m));
  }

  private static boolean sameSimple(String types, Method m) {
    // Compare erasures: JShell reports "Bound<PyList>", reflection only "Bound".
    String erased = types;
    while (erased.contains("<")) {
      erased = erased.replaceAll("<[^<>]*>", "");
    }
    String[] got = erased.isEmpty() ? new String[0] : erased.split(",");
    Class<?>[] want = m.getParameterTypes();
    if (got.length != want.length) {
      return false;
    }
    for (int i = 0; i < got.length; i++) {
      String g = got[i].trim();
      if (!g.equals(want[i].getSimpleName()) && !g.equals(want[i].getCanonicalName())) {
        return false;
      }
    }
    return true;
  }

  private static String paramTypes(Method m) {
    List<String> out = new ArrayList<>();
    for (Class<?> p : m.getParameterTypes()) {
      out.add(p.getCanonicalName());
    }
    return String.join(",", out);
  }

  private static String params(Method m, boolean withTypes) {
    List<String> out = new ArrayList<>();
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      out.add((withTypes ? types[i].getCanonicalName() + " " : "") + "a" + i);
    }
    return String.join(", ", out);
  }

  private static String signature(Method m) {
    List<String> out = new ArrayList<>();
    for (Class<?> p : m.getParameterTypes()) {
      out.add(p.getSimpleName());
    }
    return m.getReturnType().getSimpleName()
        + " "
        + m.getName()
        + "("
        + String.join(", ", out)
        + ")";
  }

  @Override
  public void close() {
    jshell.close();
  }
}
