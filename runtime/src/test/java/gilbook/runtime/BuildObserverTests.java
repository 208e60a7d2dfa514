package gilbook.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link Interpreter#observeBuilds}: a scope sees the interpreters built inside it, and no others.
 * Every test orders its threads with latches, never with time.
 */
class BuildObserverTests {

  @Test
  void aScopeSeesWhatItsThreadBuilds() {
    List<Interpreter> seen = new CopyOnWriteArrayList<>();
    AtomicReference<Interpreter> built = new AtomicReference<>();
    Interpreter.observeBuilds(seen::add, () -> built.set(Runs.virtual(1).build()));
    assertEquals(List.of(built.get()), seen);
    built.get().close();
  }

  @Test
  void aScopeSeesWhatAThreadStartedInsideItBuilds() throws InterruptedException {
    List<Interpreter> seen = new CopyOnWriteArrayList<>();
    AtomicReference<Interpreter> built = new AtomicReference<>();
    Interpreter.observeBuilds(
        seen::add,
        () -> {
          Thread t = new Thread(() -> built.set(Runs.virtual(1).build()));
          t.start();
          join(t);
        });
    assertEquals(List.of(built.get()), seen);
    built.get().close();
  }

  @Test
  void nothingIsSeenOutsideAScopeOrAfterItEnds() throws InterruptedException {
    List<Interpreter> seen = new CopyOnWriteArrayList<>();
    CountDownLatch scopeEnded = new CountDownLatch(1);
    AtomicReference<Thread> late = new AtomicReference<>();
    Interpreter.observeBuilds(
        seen::add,
        () -> {
          Thread t =
              new Thread(
                  () -> {
                    await(scopeEnded);
                    Runs.virtual(1).build().close(); // started inside, built after the end
                  });
          t.start();
          late.set(t);
        });
    scopeEnded.countDown();
    late.get().join();
    Runs.virtual(2).build().close(); // outside any scope
    assertTrue(seen.isEmpty(), seen.toString());
  }

  @Test
  void twoScopesOpenAtOnceSeeOnlyTheirOwnInterpreters() throws Exception {
    CyclicBarrier bothOpen = new CyclicBarrier(2);
    List<Interpreter> seenByA = new CopyOnWriteArrayList<>();
    List<Interpreter> seenByB = new CopyOnWriteArrayList<>();
    List<Interpreter> builtByA = new CopyOnWriteArrayList<>();
    List<Interpreter> builtByB = new CopyOnWriteArrayList<>();
    Thread a = new Thread(() -> grading(seenByA, builtByA, bothOpen));
    Thread b = new Thread(() -> grading(seenByB, builtByB, bothOpen));
    a.start();
    b.start();
    a.join();
    b.join();
    assertEquals(2, builtByA.size());
    assertEquals(builtByA, seenByA);
    assertEquals(builtByB, seenByB);
    builtByA.forEach(Interpreter::close);
    builtByB.forEach(Interpreter::close);
  }

  /**
   * A grading: builds one interpreter, waits until the other grading's scope is open, builds one.
   */
  private static void grading(List<Interpreter> seen, List<Interpreter> built, CyclicBarrier both) {
    Interpreter.observeBuilds(
        seen::add,
        () -> {
          built.add(Runs.virtual(1).build());
          await(both);
          built.add(Runs.virtual(2).build());
          await(both); // neither scope closes before the other has built its second
        });
  }

  @Test
  void nestedScopesBothSeeAnInterpreterBuiltInsideBoth() {
    List<String> heard = new CopyOnWriteArrayList<>();
    AtomicReference<Interpreter> built = new AtomicReference<>();
    Interpreter.observeBuilds(
        i -> heard.add("outer"),
        () ->
            Interpreter.observeBuilds(
                i -> heard.add("inner"), () -> built.set(Runs.virtual(1).build())));
    assertEquals(List.of("inner", "outer"), heard);
    built.get().close();
  }

  @Test
  void theScopeEndsEvenWhenItsBodyThrows() {
    List<Interpreter> seen = new CopyOnWriteArrayList<>();
    IllegalStateException thrown = new IllegalStateException("body failed");
    Runnable failing =
        () -> {
          throw thrown;
        };
    assertSame(
        thrown,
        assertThrows(
            IllegalStateException.class, () -> Interpreter.observeBuilds(seen::add, failing)));
    Runs.virtual(1).build().close();
    assertTrue(seen.isEmpty(), seen.toString());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
