# Python functions calling Python functions, with returned values.
# parity: entry=main args={"out": [], "N": 20}
def square(x):
    return x * x


def add_squares(a, b):
    return square(a) + square(b)


def main(out, N):
    for i in range(N):
        out.append(add_squares(i, i + 1))
    return len(out)
