// Chapter 1 · Refcounting by hand (solution)
//
// listAppend must give the list an owned reference: the caller's reference
// stays the caller's, so storing the pointer needs one incref.
// listPop moves the list's reference to the caller: one owner leaves, one
// arrives, so no count changes.

void listAppend(PyList list, PyObject item) {
    list.obItem().add(item);
    // The list owns this pointer now: one more owner.
    item.incref();
}

PyObject listPop(PyList list) {
    // The list's reference becomes the caller's; nothing to incref or decref.
    return list.obItem().removeLast();
}
