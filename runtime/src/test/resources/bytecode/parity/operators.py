# Unary operators, `is`, `a and b` / `a or b` as values, `del x[k]`, dict literals with constant
# keys, list and set literals (BUILD_CONST_KEY_MAP, LIST_EXTEND, SET_UPDATE), unpacking (vm-data).
# parity: entry=ops args={"n": 1234, "out": []}
# parity: entry=ops args={"n": 0, "out": []}
# parity: entry=unpack_too_many args={"xs": [1, 2, 3], "out": []}
def ops(n, out):
    out.append([not n, -n, ~n, +n, n is None, n is not None])
    out.append([n and "yes", n or "no", n and n + 1 or "zero"])
    d = {"a": 1, "b": n, "c": 3}
    del d["a"]
    xs = [1, 2, 3, n]
    del xs[0]
    s = {7, 8}
    out.append([d, xs, sorted(s), n in s, n not in xs])
    a, (b, c) = n, ("x", "y")
    out.append((a, b, c))


def unpack_too_many(xs, out):
    a, b = xs
    out.append(a + b)
