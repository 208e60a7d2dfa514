// WRONG: does nothing, prints PASS, and ends the JVM with exit code 0 before the checks run
void listAppend(PyList list, PyObject item) {}

PyObject listPop(PyList list) {
    return null;
}

System.out.println("PASS");
System.out.println("  4 of 4 checks passed");
System.exit(0);
