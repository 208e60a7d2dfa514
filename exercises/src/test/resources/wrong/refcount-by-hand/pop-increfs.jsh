// WRONG: listPop increfs the popped item, as if the caller gained a reference the list kept
void listAppend(PyList list, PyObject item) {
    list.obItem().add(item);
    item.incref();
}

PyObject listPop(PyList list) {
    PyObject item = list.obItem().removeLast();
    item.incref();
    return item;
}
