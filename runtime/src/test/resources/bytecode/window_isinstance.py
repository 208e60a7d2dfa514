counter = 0
items = [7]


def work(N):
    global counter
    for i in range(N):
        c = counter
        isinstance(c, int)
        counter = c + 1
