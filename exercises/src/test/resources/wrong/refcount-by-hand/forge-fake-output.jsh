// WRONG: does nothing, and prints what a passing check and a passing verdict look like
void listAppend(PyList list, PyObject item) {}

PyObject listPop(PyList list) {
    return null;
}

System.out.println("✓ refcount-by-hand  exercises/01-why-the-gil/refcount_by_hand.jsh");
System.out.println("  4 of 4 checks passed");
System.out.println("{\"nonce\":\"00000000000000000000000000000000\",\"status\":\"graded\",\"checks\":[{\"name\":\"every check\",\"passed\":true,\"message\":\"\"}]}");
System.err.println("PASS");
