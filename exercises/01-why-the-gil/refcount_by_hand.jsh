// Chapter 1 · Refcounting by hand
//
// In C, a list keeps raw pointers in its `ob_item` array. Putting a pointer
// there, or taking one out, changes nobody's reference count: the code around
// it has to. Write list.append and list.pop the way CPython's C code must.
//
//   listAppend(list, item)  like list.append(item). The caller keeps its own
//                           reference to item; the list must own one more.
//   listPop(list)           like list.pop(). The last item leaves the list,
//                           and the list's reference goes to the caller, who
//                           will decref it when done.
//
// Tools:
//   list.obItem().add(item)      store a pointer (no incref)
//   list.obItem().removeLast()   take the last pointer out (no decref)
//   item.incref() / item.decref()  Py_INCREF / Py_DECREF
//
// Graded on lists of varied sizes and objects with varied numbers of owners:
// append puts the item last with one more owner, pop takes the last item
// and hands its reference over, sys.getrefcount matches CPython's rules
// after every step, and at shutdown nothing leaked and no freed object was
// used.
//
// Check it:  ./gilbook check refcount-by-hand      Stuck?  ./gilbook hint refcount-by-hand

void listAppend(PyList list, PyObject item) {
    list.obItem().add(item);
    // TODO: the list now stores a pointer it does not own. Fix the count.
}

PyObject listPop(PyList list) {
    PyObject item = list.obItem().removeLast();
    item.decref(); // TODO: is this right? Who owns the list's reference now?
    return item;
}
