package gilbook.exercises.checks.ch02;

import gilbook.exercises.contract.MakeItSafe;
import gilbook.runtime.explorer.Action;
import gilbook.runtime.explorer.Operation;
import gilbook.runtime.explorer.Program;
import gilbook.runtime.explorer.Workload;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** The two designs "Make it safe" asks for, and what makes each what it claims to be. */
enum Design {
  GLOBAL("one global lock", MakeItSafe::oneGlobalLock),
  PER_OBJECT("a lock per object", MakeItSafe::perObjectLocks);

  private final String words;
  private final BiFunction<MakeItSafe, Operation, List<Action>> steps;

  Design(String words, BiFunction<MakeItSafe, Operation, List<Action>> steps) {
    this.words = words;
    this.steps = steps;
  }

  String words() {
    return words;
  }

  /** The workload with the learner's design; IllegalArgumentException if the design is unusable. */
  Program apply(Workload workload, MakeItSafe learner) {
    return workload.protect(op -> steps.apply(learner, op));
  }

  /**
   * Why the locks the program takes are not this design's, or null if they are: one lock for
   * everything; or one lock per object, named after the object, every object's lock used.
   */
  String wrongShape(Workload workload, Program program) {
    List<String> locks = program.locks();
    if (this == GLOBAL) {
      return locks.size() == 1
          ? null
          : "it takes " + locks.size() + " different locks " + locks + ", not one";
    }
    Set<String> objects = new HashSet<>(workload.objects());
    if (!objects.equals(new HashSet<>(locks))) {
      return "it takes the locks "
          + locks
          + ", but a lock per object means one lock for each object, named after it: "
          + workload.objects();
    }
    return null;
  }
}
