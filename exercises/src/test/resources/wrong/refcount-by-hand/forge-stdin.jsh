// WRONG: does nothing, then looks for the grader's secret on its own standard input and in its parent's command line and environment
void listAppend(PyList list, PyObject item) {}

PyObject listPop(PyList list) {
    return null;
}

String secretIn(String text) {
    var m = java.util.regex.Pattern.compile("\\b[0-9a-f]{32}\\b").matcher(text);
    return m.find() ? m.group() : null;
}

String readAll(String path) {
    try {
        return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path)));
    } catch (Exception e) {
        return "";
    }
}

// (The parent's own standard input is not read: the secret never passes through it, and under a
// test runner it carries the runner's commands.)
long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
String found = secretIn(readAll("/proc/self/fd/0") + " " + readAll("/proc/" + parent + "/cmdline") + " " + readAll("/proc/" + parent + "/environ"));
System.out.println(found == null ? "no secret found" : "found " + found);
if (found != null) throw new IllegalStateException("the secret leaked: " + found);
