package gilbook.exercises.verify;

import gilbook.exercises.grading.GradeReport;
import gilbook.exercises.grading.Grader;
import gilbook.exercises.manifest.Exercise;
import gilbook.exercises.manifest.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus part of the authoring contract: an exercise has a wrong corpus, every wrong file fails
 * and every right file passes, each time it is graded, whatever the seed. A breach names the seed
 * that gave the wrong verdict, so the author can grade that file again with exactly its inputs.
 */
final class CorpusRule {
  private CorpusRule() {}

  static List<String> check(Path root, Exercise e, int repeat) {
    List<CorpusFile> corpus = CorpusFile.of(root, e.id());
    List<String> out = new ArrayList<>();
    if (corpus.stream().noneMatch(f -> !f.shouldPass())) {
      out.add(
          e.id()
              + ": has no wrong corpus; add "
              + CorpusFile.DIR
              + "/wrong/"
              + e.id()
              + "/NAME.jsh, one file per mistake the lesson warns about plus a hard-coded"
              + " answer, each opening with '// WRONG: what it gets wrong'");
    }
    for (CorpusFile file : corpus) {
      if (file.label().isEmpty()) {
        out.add(
            e.id()
                + ": "
                + file.display()
                + " does not open with '"
                + file.marker()
                + " ...'; say in that first line "
                + (file.shouldPass() ? "how it solves the exercise" : "what it gets wrong"));
      }
      if (!file.throughAWorkerOnly()) {
        out.addAll(verdicts(e, file, repeat));
      }
    }
    return out;
  }

  /** Corpus folders named after no exercise in the manifest. */
  static List<String> orphans(Path root, Manifest manifest) {
    return CorpusFile.ids(root).stream()
        .filter(id -> manifest.exercise(id).isEmpty())
        .map(
            id ->
                CorpusFile.DIR
                    + ": the corpus of '"
                    + id
                    + "' belongs to no exercise in the manifest; rename the folder after an"
                    + " exercise id, or remove it")
        .toList();
  }

  private static List<String> verdicts(Exercise e, CorpusFile file, int repeat) {
    GradeReport wrongVerdict = null;
    int wrongCount = 0;
    for (int run = 0; run < repeat; run++) {
      GradeReport report =
          Grader.grade(e, file.path(), AuthoringContract.QUIET, AuthoringContract.QUIET);
      if (report.passed() != file.shouldPass()) {
        wrongCount++;
        if (wrongVerdict == null) {
          wrongVerdict = report;
        }
      }
    }
    if (wrongVerdict == null) {
      return List.of();
    }
    String times = repeat == 1 ? "" : " in " + wrongCount + " of " + repeat + " runs";
    String again =
        "; './gilbook check "
            + e.id()
            + " --file "
            + file.path()
            + " --seed "
            + wrongVerdict.seed()
            + "' repeats it";
    if (file.shouldPass()) {
      return List.of(
          e.id()
              + ": "
              + file.display()
              + " ("
              + file.label()
              + ") fails its checks"
              + times
              + " (seed "
              + wrongVerdict.seed()
              + "): "
              + AuthoringContract.summary(wrongVerdict)
              + again
              + ". Fix the check if the file is correct, or move it to wrong/");
    }
    return List.of(
        e.id()
            + ": "
            + file.display()
            + " passes its checks"
            + times
            + " (seed "
            + wrongVerdict.seed()
            + "), yet it is wrong: "
            + file.label()
            + again
            + ". Make the checks catch this mistake for every seed");
  }
}
