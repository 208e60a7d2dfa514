package gilbook.exercises.contract;

import gilbook.runtime.explorer.Action;
import gilbook.runtime.explorer.Operation;
import java.util.List;

/**
 * Chapter 2, "Make it safe": two designs that protect the shared objects' counts, each giving an
 * operation's micro-steps with ACQUIRE and RELEASE steps added: one global lock, and a lock per
 * object (named after the object).
 */
public interface MakeItSafe {
  List<Action> oneGlobalLock(Operation op);

  List<Action> perObjectLocks(Operation op);
}
