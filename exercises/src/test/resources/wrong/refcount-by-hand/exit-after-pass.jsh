// WRONG: prints PASS and ends the JVM before any check can judge it
void listAppend(PyList list, PyObject item) {
    System.out.println("PASS");
    System.exit(0);
}

PyObject listPop(PyList list) {
    System.out.println("PASS");
    System.exit(0);
    return null;
}
