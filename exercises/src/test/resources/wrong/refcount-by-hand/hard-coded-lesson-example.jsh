// WRONG: fitted to the lesson's M = [x, x] example: increfs only while the list has at most two items
void listAppend(PyList list, PyObject item) {
    list.obItem().add(item);
    if (list.obItem().size() <= 2) {
        item.incref();
    }
}

PyObject listPop(PyList list) {
    return list.obItem().removeLast();
}
