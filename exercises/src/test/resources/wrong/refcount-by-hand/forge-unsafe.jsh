// WRONG: does nothing, then reads the grader's secret with sun.misc.Unsafe and writes a passing result itself
void listAppend(PyList list, PyObject item) {}

PyObject listPop(PyList list) {
    return null;
}

var theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
theUnsafe.setAccessible(true);
sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
Class<?> worker = Class.forName("gilbook.exercises.worker.Worker");
Object base = unsafe.staticFieldBase(worker.getDeclaredField("nonce"));
String nonce = (String) unsafe.getObject(base, unsafe.staticFieldOffset(worker.getDeclaredField("nonce")));
java.nio.file.Path result = (java.nio.file.Path) unsafe.getObject(base,
    unsafe.staticFieldOffset(worker.getDeclaredField("resultFile")));
java.nio.file.Files.writeString(result,
    "{\"nonce\":\"" + nonce + "\",\"status\":\"graded\","
        + "\"checks\":[{\"name\":\"every check\",\"passed\":true,\"message\":\"\"}]}");
Runtime.getRuntime().halt(0);
