counter = 0
items = [7]


def work(N):
    global counter
    for i in range(N):
        c = counter
        [x for x in items]
        counter = c + 1
