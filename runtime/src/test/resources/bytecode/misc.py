def helper(items, d, k):
    items.append(len(items))
    return d.get(k, -1) + items[0] * 2 - 1


def main(N):
    items = []
    d = {"a": 1}
    d["b"] = 2
    total = 0
    i = 0
    while i < N:
        total += helper(items, d, "a")
        total += helper(items, d, "zz")
        i += 1
    for x in items:
        total = total + x
    print("total", total)
    return total
