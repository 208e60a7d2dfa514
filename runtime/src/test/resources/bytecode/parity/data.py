# Tuples, unpacking, sets, f-strings, unary minus, `in`, `is None`, and the builtins that lessons
# use (min, max, sum, sorted, enumerate, zip, isinstance, int, list, dict).
# parity: entry=fib args={"n": 30, "out": []}
# parity: entry=stats args={"xs": [5, -3, 12, 7, -3, 0], "out": []}
# parity: entry=pairs args={"names": ["a", "b", "c"], "scores": [3, 1, 2], "out": []}
def fib(n, out):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    out.append(a)
    out.append((a, -b))


def stats(xs, out):
    seen = set()
    for x in xs:
        seen.add(x)
    out.append(sorted(seen))
    out.append([min(xs), max(xs), sum(xs), len(seen)])
    out.append(f"{len(xs)} values, first {xs[0]}, last {xs[-1]}")
    out.append(3 in seen and 12 in seen)
    found = None
    for x in xs:
        if x > 10:
            found = x
    if found is not None:
        out.append(int("4") + found)
    out.append(not isinstance(found, int))


def pairs(names, scores, out):
    table = dict()
    for i, (name, score) in enumerate(zip(names, scores)):
        table[name] = score * 10 + i
    out.append(table)
    out.append(list(table))
    out.append(sorted(table.items()))
