package gilbook.exercises.contract;

import gilbook.runtime.explorer.InterleavingExplorer;
import java.util.List;

/**
 * Chapter 2, "Find the crash": for the explorer's threads and starting count, an order of
 * micro-steps (one thread name per step) that frees the object while a reference to it is still
 * held, with no step to spare.
 */
public interface FindTheCrash {
  List<String> crash(InterleavingExplorer explorer);
}
