package gilbook.exercises.checks.ch02;

import static gilbook.exercises.checks.ch02.Ch02Feedback.orHint;
import static gilbook.exercises.checks.ch02.Ch02Feedback.seed;

import gilbook.exercises.contract.MakeItSafe;
import gilbook.exercises.grading.Feedback;
import gilbook.exercises.grading.Seed;
import gilbook.exercises.grading.Submission;
import gilbook.runtime.explorer.Program;
import gilbook.runtime.explorer.ProgramOutcome;
import gilbook.runtime.explorer.ProgramResult;
import gilbook.runtime.explorer.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Grades "Make it safe": each design is applied to seeded workloads and the explorer runs EVERY
 * schedule the locks allow, so a pass is a proof for that workload, not luck. Zero bad schedules
 * (no lost update, leak, premature free or deadlock) and a design of the shape it claims. Each
 * check's name shows the schedules explored and the bad ones before the fix (no lock) and after it
 * (the learner's design), and the steps the design adds to a schedule.
 */
class MakeItSafeChecks {
  static final String ID = "make-it-safe";
  static final int WORKLOADS = 3;

  static List<Workload> workloads() {
    SplittableRandom random = Seed.random("workloads");
    List<Workload> workloads = new ArrayList<>();
    // Two workloads cross (each thread stores into the object the other stores), one shares a
    // container: between them every mistake the lesson warns about shows up on every seed.
    for (int i = 0; i < WORKLOADS - 1; i++) {
      workloads.add(SafeWorkload.draw(random));
    }
    workloads.add(SafeWorkload.drawShared(random));
    return workloads;
  }

  @TestFactory
  Stream<DynamicTest> eachDesignOnEachWorkload() {
    List<DynamicTest> tests = new ArrayList<>();
    List<Workload> workloads = workloads();
    // Explored once per workload: both designs are compared with the same program without locks.
    List<ProgramResult> unprotected =
        workloads.stream().map(w -> w.unprotected().explore()).toList();
    for (Design design : Design.values()) {
      for (int i = 0; i < workloads.size(); i++) {
        Workload workload = workloads.get(i);
        ProgramResult before = unprotected.get(i);
        Attempt attempt = Attempt.of(design, workload);
        String name =
            design.words()
                + ", workload "
                + (i + 1)
                + " ("
                + workload.describe()
                + "): before the fix "
                + Counts.of(before)
                + "; after it "
                + attempt.summary(before);
        tests.add(DynamicTest.dynamicTest(name, () -> grade(design, workload, attempt)));
      }
    }
    return tests.stream();
  }

  static void grade(Design design, Workload workload, Attempt attempt) {
    String where = "on the workload \"" + workload.describe() + "\"" + seed();
    if (attempt.raised() != null) {
      RuntimeException e = attempt.raised();
      if (e instanceof IllegalArgumentException) {
        throw Feedback.fail(
            design.words() + " that only adds ACQUIRE and RELEASE steps to each operation " + where,
            "your design could not be run: " + e.getMessage(),
            "keep every step of op.steps(), in order, and release every lock the operation"
                + " takes."
                + orHint(ID));
      }
      throw Feedback.fail(
          design.words() + " that runs " + where,
          "it raised " + Feedback.raised(e),
          "fix what the message names." + orHint(ID));
    }
    ProgramResult result = attempt.result();
    Feedback.expect(
        result.bad() == 0,
        "no bad schedule among all "
            + result.total()
            + " schedules with "
            + design.words()
            + " "
            + where,
        () -> badSchedules(result),
        (result.count(ProgramOutcome.DEADLOCK) > 0
                ? "two threads took the same two locks in opposite orders; reread "
                    + Ch02Feedback.LOCKS
                : "a lock protects a count, or a container's size, only if every step that"
                    + " reads or writes it, from LOAD to STORE, runs while the same lock is held;"
                    + " reread "
                    + Ch02Feedback.THREE_STEPS)
            + "."
            + orHint(ID));
    String shape = design.wrongShape(workload, attempt.program());
    Feedback.expect(
        shape == null,
        design.words() + ", as its name says, " + where,
        () -> shape,
        "see " + Ch02Feedback.WORKBOOK + "." + orHint(ID));
  }

  private static String badSchedules(ProgramResult result) {
    List<String> lines = new ArrayList<>();
    lines.add(result.bad() + " of " + result.total() + " schedules are bad: " + result.summary());
    for (ProgramOutcome o : ProgramOutcome.values()) {
      if (o == ProgramOutcome.CORRECT || result.count(o) == 0) {
        continue;
      }
      String text = result.describe(o).orElseThrow();
      String last = text.strip().lines().reduce((a, b) -> b).orElse("").strip();
      lines.add("the first " + o.words() + " schedule ends: " + last);
    }
    return String.join("\n          ", lines);
  }

  /** A design applied to a workload and explored: its program and result, or what it raised. */
  record Attempt(Program program, ProgramResult result, RuntimeException raised) {
    static Attempt of(Design design, Workload workload) {
      try {
        Program program = design.apply(workload, Submission.get(MakeItSafe.class));
        return new Attempt(program, program.explore(), null);
      } catch (RuntimeException e) {
        return new Attempt(null, null, e);
      }
    }

    String summary(ProgramResult before) {
      if (raised != null) {
        return "(your design could not be explored)";
      }
      int extra = result.stepsPerSchedule() - before.stepsPerSchedule();
      return Counts.of(result)
          + ", at a cost of "
          + extra
          + " extra steps per schedule ("
          + before.stepsPerSchedule()
          + " -> "
          + result.stepsPerSchedule()
          + ")";
    }
  }
}
