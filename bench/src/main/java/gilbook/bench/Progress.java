package gilbook.bench;

/** Progress lines on stderr, so stdout carries only the table. */
final class Progress {
  private Progress() {}

  static void say(String line) {
    System.err.println("bench: " + line);
    System.err.flush();
  }
}
