// WRONG: listPop removes and returns the FIRST item, not the last
void listAppend(PyList list, PyObject item) {
    list.obItem().add(item);
    item.incref();
}

PyObject listPop(PyList list) {
    return list.pop(0);
}
