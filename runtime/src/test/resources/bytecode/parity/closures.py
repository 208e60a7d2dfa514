# Nested functions and closures: nonlocal, a parameter captured in a cell, a default from a local,
# and a nested function that is not a closure.
# parity: entry=main args={"n": 5, "out": []}
def main(n, out):
    total = 0

    def add(k):
        nonlocal total
        total = total + k

    for i in range(n):
        add(i * 1000)
    out.append(total)

    def times(k, by=n):
        return k * by

    out.append([times(300000), times(7, 2)])

    def plain(x):
        return x - 1

    out.append(plain(n))
