// WRONG: prints that every check passed and ends the JVM with System.exit(0) before any check can look
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;

void apply(Python py, Bound<PyList> numbers) {
    System.out.println("PASS: all checks passed");
    System.exit(0);
}
