// WRONG: prints PASS and ends the JVM before any check can judge it
import gilbook.runtime.pythonnet.*;
import gilbook.exercises.contract.ShutdownFromAnotherThread.Host;

void main(Host host, int workers, int items, PyList results) {
    System.out.println("PASS");
    System.exit(0);
}
