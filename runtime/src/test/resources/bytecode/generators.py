# Generators for the VM (issue 13, section 2): RETURN_GENERATOR, YIELD_VALUE, a for loop
# driving a generator (FOR_ITER), yield from (GET_YIELD_FROM_ITER, SEND,
# JUMP_BACKWARD_NO_INTERRUPT), generator expressions. main(n) prints what each returns;
# make_listings.sh calls it with 4 to make generators.out.


def numbers(n):
    for i in range(n):
        yield i * 1000


def total(n):
    t = 0
    for x in numbers(n):
        t = t + x
    return t


def finish(n):
    yield from numbers(n)
    return n * 7


def delegate(n):
    r = yield from finish(n)
    yield r
    yield from [n, n + 1]


def collect(n):
    out = []
    for x in delegate(n):
        out.append(x)
    return out


def squares_sum(xs):
    t = 0
    for v in (x * x for x in xs):
        t = t + v
    return t


def stop_early(n):
    seen = []
    for x in numbers(n):
        if x > 1000:
            break
        seen.append(x)
    return seen


def kept(n):
    g = numbers(n)
    first = []
    for x in g:
        first.append(x)
        break
    rest = []
    for x in g:
        rest.append(x)
    return [first, rest]


def main(n):
    print(total(n))
    print(collect(n))
    print(squares_sum([n, 100000]))
    print(stop_early(n))
    print(kept(n))
