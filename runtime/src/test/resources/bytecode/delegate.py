def delegate(it):
    yield from it
