package gilbook.runtime;

import java.util.Objects;
import java.util.function.Consumer;

/*
 Notes about the implementation:

 - Who needs this. A tool that runs a learner's file wants the interpreters the file builds: the
   worker's "run" summarises each one's GIL activity, and its "check" writes the trace of the last
   one. The file calls Interpreter.builder()...build() itself, with no tool in sight, so the tool
   cannot pass the interpreter anything; it can only say "around this piece of work, tell me of
   every interpreter built".

 - Why a scope and not a list of observers for the whole JVM (what there was before): two gradings
   in one JVM (the build's tests grade in-process, and a test runner may run them side by side)
   would each see the other's interpreters, and an observer, once added, heard every later build
   for the life of the JVM. A scope sees only the interpreters built inside it, and ends with it.

 - "Inside it" means on the thread that opened the scope, or on a thread started from it (directly
   or not) while it was open: an InheritableThreadLocal. That is where a learner's interpreters
   are built: JShell's local engine runs each snippet on a new thread started by the thread that
   evaluates it; Python threads, helper threads and executors are started by the code that uses
   them. Java 17 has no ScopedValue; this is its nearest equivalent, and the scope's try/finally
   keeps it as strict.

 - What a scope does not see: an interpreter built on a thread that existed before the scope
   opened and was not started from it (the common fork/join pool's workers, a pool made earlier).
   A tool that needs those must open its scope before those threads start.

 - A thread started inside a scope keeps a reference to it after the scope ends; so each scope
   has an "open" flag, cleared at its end, and a closed scope is told nothing more. Scopes nest:
   an interpreter built inside two is reported to both, inner first.
*/

/**
 * Who is told of the interpreters built on the current thread: see the notes above and {@link
 * Interpreter#observeBuilds}. Thread-safe.
 */
final class BuildObservers {
  private static final InheritableThreadLocal<Scope> CURRENT = new InheritableThreadLocal<>();

  /** One call of {@link #observe}: its observer, and the scope it is inside. */
  private static final class Scope {
    final Consumer<Interpreter> observer;
    final Scope outer;
    volatile boolean open = true;

    Scope(Consumer<Interpreter> observer, Scope outer) {
      this.observer = observer;
      this.outer = outer;
    }
  }

  private BuildObservers() {}

  /** Runs {@code body} with {@code observer} told of every interpreter built inside it. */
  static void observe(Consumer<Interpreter> observer, Runnable body) {
    Objects.requireNonNull(observer, "observer must not be null");
    Objects.requireNonNull(body, "body must not be null");
    Scope outer = CURRENT.get();
    Scope scope = new Scope(observer, outer);
    CURRENT.set(scope);
    try {
      body.run();
    } finally {
      scope.open = false;
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Tells every open scope of the calling thread that {@code interp} was built. */
  static void built(Interpreter interp) {
    for (Scope s = CURRENT.get(); s != null; s = s.outer) {
      if (s.open) {
        s.observer.accept(interp);
      }
    }
  }
}
