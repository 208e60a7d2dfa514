package gilbook.app.cli;

import gilbook.app.engine.EngineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Asks a yes/no question on the command's input; refuses to guess when there is no answer. */
final class Confirm {
  private Confirm() {}

  static boolean ask(Context ctx, String question, String flag) {
    ctx.out().print(question + " [y/N] ");
    ctx.out().flush();
    String answer;
    try {
      answer =
          new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null) {
      ctx.out().println();
      throw new EngineException("no answer on standard input; add " + flag + " to confirm.");
    }
    return answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
  }
}
