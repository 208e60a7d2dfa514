package gilbook.exercises.checks.ch02;

import gilbook.runtime.explorer.Workload;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded workloads for "Make it safe": two threads, two objects. Each thread stores a reference to
 * one object inside the other (in opposite directions, so a lock-per-object design that locks in
 * each operation's own order can deadlock), and changes the count of one object (so a design that
 * locks only the container races on the item's count). Names, counts, INCREF or DECREF, and the
 * order within each thread come from the seed. {@link #drawShared} draws the other shape: both
 * threads store into the same container, so a design that locks only the item loses an update of
 * the container's size. Every workload is safe with the GIL. Stateless.
 */
final class SafeWorkload {
  private static final List<List<String>> OBJECTS =
      List.of(
          List.of("A", "B"),
          List.of("x", "y"),
          List.of("list", "item"),
          List.of("b", "a"),
          List.of("dict", "key"),
          List.of("left", "right"));
  private static final List<List<String>> THREADS =
      List.of(
          List.of("T1", "T2"),
          List.of("main", "worker"),
          List.of("T2", "T1"),
          List.of("reader", "writer"));

  private static final List<List<String>> TRIPLES =
      List.of(
          List.of("list", "x", "y"),
          List.of("cache", "key", "value"),
          List.of("C", "A", "B"),
          List.of("queue", "job1", "job2"));

  private SafeWorkload() {}

  /**
   * Two threads store a reference each into one container, each to a different item, and each
   * changes the count of the other thread's item.
   */
  static Workload drawShared(SplittableRandom random) {
    List<String> objects = TRIPLES.get(random.nextInt(TRIPLES.size()));
    List<String> threads = THREADS.get(random.nextInt(THREADS.size()));
    String container = objects.get(0);
    Workload.Builder builder = Workload.builder().object(container, 1 + random.nextInt(3));
    builder
        .object(objects.get(1), 2 + random.nextInt(2))
        .object(objects.get(2), 2 + random.nextInt(2));
    for (int t = 0; t < 2; t++) {
      String thread = threads.get(t);
      String mine = objects.get(1 + t);
      String other = objects.get(2 - t);
      boolean storeFirst = random.nextBoolean();
      if (storeFirst) {
        builder.storeRef(thread, container, mine);
      }
      if (random.nextBoolean()) {
        builder.incref(thread, other);
      } else {
        builder.decref(thread, other);
      }
      if (!storeFirst) {
        builder.storeRef(thread, container, mine);
      }
    }
    return builder.build();
  }

  static Workload draw(SplittableRandom random) {
    List<String> objects = OBJECTS.get(random.nextInt(OBJECTS.size()));
    List<String> threads = THREADS.get(random.nextInt(THREADS.size()));
    String x = objects.get(0);
    String y = objects.get(1);
    Workload.Builder builder =
        Workload.builder().object(x, 2 + random.nextInt(2)).object(y, 2 + random.nextInt(2));
    addThread(builder, random, threads.get(0), x, y);
    addThread(builder, random, threads.get(1), y, x);
    return builder.build();
  }

  /** The thread stores {@code item} in {@code container} and changes the container's count. */
  private static void addThread(
      Workload.Builder builder,
      SplittableRandom random,
      String thread,
      String container,
      String item) {
    boolean storeFirst = random.nextBoolean();
    if (storeFirst) {
      builder.storeRef(thread, container, item);
    }
    if (random.nextBoolean()) {
      builder.incref(thread, container);
    } else {
      builder.decref(thread, container);
    }
    if (!storeFirst) {
      builder.storeRef(thread, container, item);
    }
  }
}
