# Code objects for the VM (issue 13, section 2): comprehensions, nested functions,
# f(*args). main(xs) prints what each returns; make_listings.sh calls it with
# [1000, 2000, 300000, -5] to make code_objects.out.


def squares(xs):
    return [x * x for x in xs]


def two_comprehensions(xs):
    big = [x for x in xs if x > 2]
    doubled = [x + x for x in big]
    return doubled


def doubled_by_key(xs):
    return {x: x * 2 for x in xs}


def remainders(xs):
    return sorted({x % 3 for x in xs})


def add4(a, b, c, d):
    return a + b + c + d


def call_star(xs):
    return add4(*xs)


def append_star(items, xs):
    items.append(*xs)
    return items


def star_builtin(xs):
    return len(*xs)


def nested(n):
    def inner(k):
        return k * 10

    total = 0
    for i in range(n):
        total = total + inner(i)
    return total


def main(xs):
    print(squares(xs))
    print(two_comprehensions(xs))
    print(doubled_by_key(xs))
    print(remainders(xs))
    print(call_star(xs))
    print(append_star([xs], [xs]))
    print(star_builtin([xs]))
    print(nested(4))

