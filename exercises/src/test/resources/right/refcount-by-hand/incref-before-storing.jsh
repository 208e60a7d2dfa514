// RIGHT: increfs first, then stores the pointer; pop hands over the list's reference untouched
void listAppend(PyList list, PyObject item) {
    item.incref(); // the list's own reference, taken before it holds the pointer
    list.obItem().add(item);
}

PyObject listPop(PyList list) {
    PyObject last = list.obItem().removeLast();
    return last; // one owner left (the list), one arrived (the caller)
}
