# Closures and defaults for the VM (issue 13, section 2): cells (MAKE_CELL, LOAD_CLOSURE,
# LOAD_DEREF, STORE_DEREF, DELETE_DEREF, COPY_FREE_VARS) and MAKE_FUNCTION's closure and
# defaults flags. main(n) prints what each returns; make_listings.sh calls it with 4 to make
# closures.out.


def running_total(n):
    total = 0

    def add(k):
        nonlocal total
        total = total + k
        return total

    for i in range(n):
        add(i * 1000)
    return total


def captured_parameter(n):
    def times(k):
        return n * k

    return times(300000)


def table(n):
    return [[i * j for j in range(n)] for i in range(n)]


def with_default(base):
    def shift(x, by=base):
        return x + by

    return shift(7) + shift(7, 1)


def forget(n):
    kept = n

    def read():
        return kept

    first = read()
    del kept
    return first


def read_after_del(n):
    kept = n

    def read():
        return kept

    del kept
    return read()


def main(n):
    print(running_total(n))
    print(captured_parameter(n))
    print(table(n))
    print(with_default(n))
    print(forget(n))
