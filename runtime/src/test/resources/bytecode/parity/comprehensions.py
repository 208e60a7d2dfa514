# List, set and dict comprehensions (a nested code object called with its iterator), nested ones,
# and one with a condition.
# parity: entry=main args={"xs": [1000, 2000, 300000, -5], "out": []}
def main(xs, out):
    out.append([x * x for x in xs])
    out.append([x for x in xs if x > 1500])
    out.append(sorted({x % 3 for x in xs}))
    out.append({x: x // 10 for x in xs})
    out.append([[i * j for j in range(3)] for i in range(3)])
