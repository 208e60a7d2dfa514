package gilbook.app.cli;

import gilbook.app.engine.Workbook;
import gilbook.exercises.manifest.Chapter;
import gilbook.exercises.manifest.Exercise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gilbook list}: every exercise in order, with its status. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List every exercise in workbook order, with its status.")
final class ListCommand implements Callable<Integer> {
  private final Context ctx;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  ListCommand(Context ctx) {
    this.ctx = ctx;
  }

  /** One row of {@code list --json}. */
  record Row(
      String id, String chapter, String chapterTitle, String title, String path, String status) {}

  @Override
  public Integer call() {
    Workbook wb = ctx.workbook();
    List<Row> rows = new ArrayList<>();
    for (Chapter c : wb.manifest().chapters()) {
      for (Exercise e : c.exercises()) {
        String status = wb.progress().isDone(e.id()) ? "done" : "pending";
        rows.add(new Row(e.id(), c.id(), c.title(), e.title(), e.path(), status));
      }
    }
    if (json) {
      Json.print(ctx.out(), rows);
      return 0;
    }
    String current = wb.current().id();
    // The id column is as wide as the longest id, so every title starts in one column.
    int idWidth = rows.stream().mapToInt(r -> r.id().length()).max().orElse(0);
    String row = "  %s  %-" + idWidth + "s  %s%n      %s%s%n";
    String chapter = "";
    for (Row r : rows) {
      if (!r.chapter().equals(chapter)) {
        chapter = r.chapter();
        ctx.out().println(ctx.style("@|bold " + r.chapter() + "  " + r.chapterTitle() + "|@"));
      }
      String mark = r.status().equals("done") ? "@|green ✓ done   |@" : "@|yellow · pending|@";
      String here = r.id().equals(current) ? ctx.style("  @|cyan ← current|@") : "";
      ctx.out()
          .printf(
              row,
              ctx.style(mark),
              r.id(),
              r.title(),
              ctx.style("@|faint " + r.path() + "|@"),
              here);
    }
    long done = rows.stream().filter(r -> r.status().equals("done")).count();
    ctx.out().printf("%n%d of %d done. Next: ./gilbook check %s%n", done, rows.size(), current);
    return 0;
  }
}
