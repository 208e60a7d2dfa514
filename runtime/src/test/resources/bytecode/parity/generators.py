# Generators: a for loop driving one, yield from with a return value, a generator expression,
# and a generator left unfinished.
# parity: entry=main args={"n": 4, "out": []}
def numbers(n):
    for i in range(n):
        yield i * 1000


def finish(n):
    yield from numbers(n)
    return n * 7


def delegate(n):
    r = yield from finish(n)
    yield r


def main(n, out):
    for x in delegate(n):
        out.append(x)
    out.append(sum(x * x for x in range(n)))
    for x in numbers(n):
        if x > 1000:
            break
        out.append(x)
