# Comparisons, if / else, while.
# parity: entry=collatz args={"n": 27, "out": []}
# parity: entry=classify args={"xs": [-5, 0, 3, 10, 11, 100], "out": []}
def collatz(n, out):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    out.append(steps)


def classify(xs, out):
    for x in xs:
        if x < 0:
            out.append("negative")
        elif x == 0:
            out.append("zero")
        elif x <= 10:
            out.append("small")
        elif x != 100 and x >= 11:
            out.append("medium")
        else:
            out.append("hundred")
        out.append(x > 5)
