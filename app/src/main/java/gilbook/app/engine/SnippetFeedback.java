package gilbook.app.engine;

import gilbook.exercises.harness.JShellHarness;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * What the terminal jshell prints after a snippet, in its words: {@code x ==> 3} for a value,
 * {@code | created method f()} for a declaration, errors and exceptions with {@code |}. A statement
 * prints nothing of its own: its output is what it printed.
 */
final class SnippetFeedback {
  private SnippetFeedback() {}

  /** The lines to show for one event, each ending in a newline; empty for nothing. */
  static String describe(JShell jshell, SnippetEvent event) {
    if (event.causeSnippet() != null) {
      return ""; // an earlier snippet updated because of this one: the tool is quiet too
    }
    Snippet snippet = event.snippet();
    if (event.status() == Snippet.Status.REJECTED) {
      return jshell
          .diagnostics(snippet)
          .map(d -> "|  Error: " + d.getMessage(Locale.ROOT) + "\n")
          .collect(Collectors.joining());
    }
    if (event.exception() != null) {
      return "|  Exception: " + JShellHarness.describe(event.exception()) + "\n";
    }
    if (snippet instanceof VarSnippet var && event.value() != null) {
      return var.name() + " ==> " + event.value() + "\n";
    }
    if (snippet instanceof ExpressionSnippet expr && event.value() != null) {
      return expr.name() + " ==> " + event.value() + "\n";
    }
    if (snippet instanceof DeclarationSnippet decl && !(snippet instanceof VarSnippet)) {
      return declared(jshell, event, decl);
    }
    return "";
  }

  private static String declared(JShell jshell, SnippetEvent event, DeclarationSnippet decl) {
    String verb = event.previousStatus() == Snippet.Status.NONEXISTENT ? "created" : "modified";
    String line = "|  " + verb + " " + what(decl);
    List<String> missing = jshell.unresolvedDependencies(decl).toList();
    if (!missing.isEmpty()) {
      line += ", however, it cannot be used until " + String.join(", ", missing) + " is declared";
    }
    return line + "\n";
  }

  private static String what(DeclarationSnippet decl) {
    if (decl instanceof MethodSnippet m) {
      return "method " + m.name() + "(" + m.parameterTypes() + ")";
    }
    if (decl instanceof TypeDeclSnippet t) {
      return kindOf(t) + " " + t.name();
    }
    return decl.name();
  }

  private static String kindOf(TypeDeclSnippet t) {
    return switch (t.subKind()) {
      case INTERFACE_SUBKIND -> "interface";
      case ENUM_SUBKIND -> "enum";
      case ANNOTATION_TYPE_SUBKIND -> "annotation interface";
      case RECORD_SUBKIND -> "record";
      default -> "class";
    };
  }
}
