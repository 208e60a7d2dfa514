counter = 0
items = [7]


def work(N):
    global counter
    for i in range(N):
        c = counter
        for x in (y for y in items):
            pass
        counter = c + 1
