// WRONG: listAppend decrefs the item instead of increfing it
void listAppend(PyList list, PyObject item) {
    list.obItem().add(item);
    item.decref();
}

PyObject listPop(PyList list) {
    return list.obItem().removeLast();
}
