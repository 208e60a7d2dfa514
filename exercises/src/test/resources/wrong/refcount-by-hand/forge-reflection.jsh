// WRONG: does nothing, then uses reflection to call the grader's own answer with a passing verdict
void listAppend(PyList list, PyObject item) {}

PyObject listPop(PyList list) {
    return null;
}

Class<?> worker = Class.forName("gilbook.exercises.worker.Worker");
var nonceField = worker.getDeclaredField("nonce");
nonceField.setAccessible(true);
String nonce = (String) nonceField.get(null);
Class<?> resultType = Class.forName("gilbook.exercises.worker.WorkerResult");
Class<?> checkType = Class.forName("gilbook.exercises.grading.CheckResult");
Object pass = checkType.getConstructor(String.class, boolean.class, String.class).newInstance("every check", true, "");
var make = resultType.getConstructor(String.class, String.class, List.class, List.class, List.class, String.class, List.class);
Object verdict = make.newInstance(nonce, "graded", List.of(), List.of(pass), List.of(), "", List.of());
var answer = worker.getDeclaredMethod("answer", resultType);
answer.setAccessible(true);
answer.invoke(null, verdict);
Runtime.getRuntime().halt(0);
