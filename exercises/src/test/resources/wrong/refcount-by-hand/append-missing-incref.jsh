// WRONG: listAppend stores the pointer without an incref: the list does not own what it holds
void listAppend(PyList list, PyObject item) {
    list.obItem().add(item);
}

PyObject listPop(PyList list) {
    return list.obItem().removeLast();
}
