# for over a list and over a dict (its keys, in insertion order).
# parity: entry=walk args={"xs": [3, 1, 4, 1, 5, 9, 2, 6], "d": {"x": 1, "y": 2, "z": 3}, "out": []}
def walk(xs, d, out):
    total = 0
    for x in xs:
        total = total + x
    out.append(total)
    for k in d:
        out.append(k)
        out.append(d[k] * 10)
