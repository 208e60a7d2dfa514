// WRONG: listPop decrefs the item it hands to the caller, as the stub does
void listAppend(PyList list, PyObject item) {
    list.obItem().add(item);
    item.incref();
}

PyObject listPop(PyList list) {
    PyObject item = list.obItem().removeLast();
    item.decref();
    return item;
}
