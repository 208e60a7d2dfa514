counter = 0


def f(x):
    return x


def work(N):
    global counter
    for i in range(N):
        c = counter
        f(c)
        counter = c + 1
