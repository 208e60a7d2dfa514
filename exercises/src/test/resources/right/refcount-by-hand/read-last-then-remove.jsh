// RIGHT: pop reads the last pointer first, then removes it; append through a chained incref
void listAppend(PyList list, PyObject item) {
    list.obItem().add(item.incref());
}

PyObject listPop(PyList list) {
    PyList.ObItem storage = list.obItem();
    PyObject last = storage.get(storage.size() - 1);
    storage.removeLast();
    return last;
}
