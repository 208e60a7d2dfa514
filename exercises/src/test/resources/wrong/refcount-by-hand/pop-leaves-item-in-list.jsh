// WRONG: listPop returns the last item (a borrowed reference) but leaves it in the list
void listAppend(PyList list, PyObject item) {
    list.obItem().add(item);
    item.incref();
}

PyObject listPop(PyList list) {
    PyObject last = list.obItem().get(list.obItem().size() - 1);
    last.incref();
    return last;
}
