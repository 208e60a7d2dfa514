// WRONG: prints that every check passed and ends the JVM with System.exit(0) before any check can look
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Batching;

void apply(Python py, Bound<PyList> numbers, Batching batching) {
    System.out.println("PASS: all checks passed");
    System.exit(0);
}
