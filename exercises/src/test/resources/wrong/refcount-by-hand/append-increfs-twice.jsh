// WRONG: listAppend increfs twice, one owner too many per append
void listAppend(PyList list, PyObject item) {
    item.incref();
    list.obItem().add(item);
    item.incref();
}

PyObject listPop(PyList list) {
    return list.obItem().removeLast();
}
