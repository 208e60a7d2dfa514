counter = 0
items = [7]


def f(x):
    return x


def work(N):
    global counter
    for i in range(N):
        c = counter
        f(*items)
        counter = c + 1
