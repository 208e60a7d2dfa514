# List, dict and set methods and views the VM has (vm-data): pop, extend, insert, remove, index,
# count, sort, setdefault, get, pop, keys, values, items, add, discard, and the type builtins.
# parity: entry=use args={"xs": [3, 1, 2], "d": {"a": 1}, "out": []}
# parity: entry=use threads=4 args={"xs": [3, 1, 2], "d": {"a": 1}, "out": []} compare=invariant expect="len(out) == 4 * 7"
def use(xs, d, out):
    ys = list(xs)
    ys.extend([9, 9])
    ys.insert(0, 5)
    last = ys.pop()
    ys.remove(9)
    ys.sort()
    out.append([ys, last, ys.index(5), ys.count(9)])
    d.setdefault("b", 2)
    out.append([d.get("a"), d.get("zz", 0), sorted(d.keys()), sorted(d.values())])
    out.append(sorted(d.items()))
    s = set(xs)
    s.add(10)
    s.discard(3)
    out.append(sorted(s))
    out.append([type(1) is int, isinstance(True, int), isinstance("s", (int, str)), tuple(ys)])
    out.append(dict([("k", len(ys))]))
    out.append(d.pop("b", None))
