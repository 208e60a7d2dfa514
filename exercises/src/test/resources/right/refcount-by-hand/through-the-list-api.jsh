// RIGHT: uses the list's own append and pop, which keep the same counts as the by-hand versions
void listAppend(PyList list, PyObject item) {
    list.append(item);
}

PyObject listPop(PyList list) {
    return list.pop();
}
