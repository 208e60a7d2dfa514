// WRONG: does nothing, then calls the worker's own answer method through a private method-handle lookup
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

void listAppend(PyList list, PyObject item) {}

PyObject listPop(PyList list) {
    return null;
}

void answerForTheGrader() throws Throwable {
    Class<?> worker = Class.forName("gilbook.exercises.worker.Worker");
    Class<?> result = Class.forName("gilbook.exercises.worker.WorkerResult");
    Class<?> check = Class.forName("gilbook.exercises.grading.CheckResult");
    MethodHandles.Lookup inside = MethodHandles.privateLookupIn(worker, MethodHandles.lookup());
    String nonce = (String) inside.findStaticVarHandle(worker, "nonce", String.class).get();
    Object pass = inside.findConstructor(check, MethodType.methodType(void.class, String.class, boolean.class, String.class)).invoke("every check", true, "");
    MethodType seven = MethodType.methodType(void.class, String.class, String.class, List.class, List.class, List.class, String.class, List.class);
    Object verdict = inside.findConstructor(result, seven).invoke(nonce, "graded", List.of(), List.of(pass), List.of(), "", List.of());
    inside.findStatic(worker, "answer", MethodType.methodType(void.class, result)).invoke(verdict);
    Runtime.getRuntime().halt(0);
}

answerForTheGrader();
