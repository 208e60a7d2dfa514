def tuples(n):
    t = (n, "a", None)
    a, b, c = t
    pair = (1, 2)
    x, y = pair
    x, y = y, x
    nested = ((1, 2), (3, "b"))
    return t, a, b, c, x, y, nested, t[0], len(t), pair == (1, 2), () == (), (n,)


def unpack_list(items):
    first, second = items
    return second, first


def membership(n, items, d):
    seen = {n, 1000, n}
    return (
        n in items,
        n not in items,
        "k" in d,
        "z" not in d,
        n in (1, 2, 3),
        n in {4, 5, 6},
        "ell" in "hello",
        1000 in seen,
        len(seen),
        5 in range(10),
        (1, "a") in [(1, "a")],
    )


def identity(a, b):
    c = a
    return a is c, a is not b, a is None, None is None, b is not None


def unary(n):
    return not n, not 0, -n, ~n, +n, -(-n), not []


def deletes(items, d):
    del items[0]
    del items[-1]
    del d["k"]
    return items, d


def fstrings(n, s):
    w = f"{n}|{n!r}|{s!r}|{s!s}|{n:5d}|{n:<6}|{n:x}|{n:#x}|{n:,}|{-n:08d}|{s:>6}|{s:^7}|{s:.2}"
    return w, f"{True}", f"{n + 1}-{s}", f"{[1, 'a']}", f"{(1,)}"


def logic(a, b):
    c = a and b
    d = a or b
    e = b and a or n_default()
    return c, d, e, (0 or "x"), ("" and 5), (a and b and "all")


def n_default():
    return "dflt"


def literals(n):
    d = {"a": 1, "b": n}
    lst = [1, 2, 3]
    s = {1, 2, 3}
    s.add(n)
    s.discard(1)
    return d, lst, sorted(s), len(s)


def builtins_(n):
    nums = [5, 3, 9, 1]
    return (
        min(nums),
        max(nums),
        min(4, n, 2),
        max(4, n, 2),
        sum(nums),
        sum(nums, 100),
        sorted(nums),
        sorted(nums)[0],
        list(enumerate(["a", "b"])),
        list(enumerate(["a", "b"], 1)),
        list(zip(nums, "abc")),
        list(range(3)),
        tuple(nums),
        int("42"),
        int(" -7 "),
        int(True),
        str(n),
        bool(nums),
        dict([("a", 1), ("b", 2)]),
        sorted(set(nums)),
        isinstance(n, int),
        isinstance(True, int),
        isinstance("s", int),
        isinstance(nums, list),
        type(n) is int,
        type("s") == str,
        type(n) is str,
    )


def methods(n):
    items = [1, 2, 3]
    items.extend([4, 5])
    items.insert(0, n)
    last = items.pop()
    first = items.pop(0)
    items.remove(2)
    d = {"a": 1}
    got = d.setdefault("b", 2)
    again = d.setdefault("a", 99)
    total = 0
    for k, v in d.items():
        total = total + v
    keys = list(d.keys())
    values = list(d.values())
    popped = d.pop("a")
    words = ", ".join(["x", "y", "z"])
    text = "{} and {}: {!r}".format(n, "m", "q")
    parts = "a b  c".split()
    return items, last, first, got, again, total, keys, values, popped, d, words, text, parts


def printing(n):
    d = {"a": (1, 2)}
    print(type(n), type(None), type("s"))
    print(d.items(), d.keys(), d.values())
    print((1,), (), set(), {7}, {n: (n, "v")}, frozenset({7}), sorted(frozenset([3, 1])))
    print(items_count([n, n, 3], n), [n, 3].index(3))


def extras(n):
    grid = {(0, 1): "a", (n, n): "b"}
    chars = []
    for ch in "hi":
        chars.append(ch.upper())
    s = {"x", "y"}
    s.remove("x")
    d = {"k": (1, 2)}
    for key, (a, b) in d.items():
        chars.append(key + str(a + b))
    return (
        grid[(n, n)],
        (0, 1) in grid,
        list("ab"),
        chars,
        sorted(s),
        d.pop("zz", "none"),
        max(d.values()),
        isinstance(n, (str, int)),
        isinstance(None, (str, int)),
        "abc".startswith("ab"),
        " pad ".strip(),
        "A-B".lower().split("-"),
        [3, 1, 2].sort(),
        str(),
        int(),
        int("ff", 16),
    )


def items_count(items, x):
    return items.count(x)


def main(n):
    print(tuples(n))
    print(unpack_list([n, "two"]))
    print(membership(n, [1, n, 3], {"k": 1}))
    print(identity([n], [n]))
    print(unary(n))
    print(deletes([1, 2, 3, 4], {"k": 1, "j": 2}))
    print(fstrings(n, "abc"))
    print(logic(n, 0))
    print(logic(0, n))
    print(literals(n))
    print(builtins_(n))
    print(methods(n))
    printing(n)
    print(extras(n))
    for i, (a, b) in enumerate(zip([1, 2], [3, 4])):
        print(i, a, b)
    return n
