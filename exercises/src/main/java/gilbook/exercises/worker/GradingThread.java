package gilbook.exercises.worker;

/**
 * The thread a job runs on, whose context class loader is fixed: learner code cannot change it.
 *
 * <p>Notes. JUnit finds its test engines, discovery filters and listeners through the context class
 * loader of the thread that launches it. Learner code may call {@code setContextClassLoader} on any
 * thread it can see ({@code Thread.getAllStackTraces()}), so without this it could hand the grader
 * a loader that offers an engine of its own and a filter that drops the real checks. This thread
 * answers with the class path's loader whatever is set. Threads it starts (JShell runs each snippet
 * on one) inherit that loader.
 */
final class GradingThread extends Thread {
  private final ClassLoader loader = ClassLoader.getSystemClassLoader();

  private GradingThread(Runnable job) {
    super(null, job, "gilbook-grading", 0, false);
  }

  /** Runs {@code job} on a grading thread and waits for it to end. */
  static void runAndWait(Runnable job) throws InterruptedException {
    GradingThread t = new GradingThread(job);
    t.start();
    t.join();
  }

  @Override
  public ClassLoader getContextClassLoader() {
    return loader;
  }

  @Override
  public void setContextClassLoader(ClassLoader ignored) {
    // Fixed on purpose; see the class comment. (JShell also sets it, harmlessly: it loads
    // snippets through its own loader, not this one.)
  }
}
