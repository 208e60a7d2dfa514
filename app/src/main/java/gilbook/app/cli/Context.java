package gilbook.app.cli;

import gilbook.app.engine.Workbook;
import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine.Help.Ansi;

/**
 * What every command shares: the streams, whether to use colour, and the workbook (opened on first
 * use, so that {@code --help} works anywhere). Not thread-safe.
 */
public final class Context {
  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Ansi ansi;
  private Workbook workbook;

  public Context(PrintWriter out, PrintWriter err, InputStream in, Ansi ansi) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.ansi = ansi;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public InputStream in() {
    return in;
  }

  /** Renders picocli markup such as {@code @|green ok|@}: coloured in a terminal, plain piped. */
  public String style(String markup) {
    return ansi.string(markup);
  }

  public boolean colour() {
    return ansi.enabled();
  }

  /** The workbook, opened once; a damaged progress file is reported here, once. */
  public Workbook workbook() {
    if (workbook == null) {
      workbook = Workbook.open(Workbook.findRoot());
      workbook.progress().warning().ifPresent(w -> err.println(style("@|yellow warning:|@ ") + w));
    }
    return workbook;
  }
}
