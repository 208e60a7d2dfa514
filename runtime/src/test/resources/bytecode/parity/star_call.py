# f(*args) with a Python function, a builtin and a bound method (CALL_FUNCTION_EX).
# parity: entry=main args={"xs": [1000, 2000, 300000, -5], "out": []}
def add4(a, b, c, d):
    return a + b + c + d


def main(xs, out):
    out.append(add4(*xs))
    out.append(max(*xs))
    out.append(*[xs[0]])
