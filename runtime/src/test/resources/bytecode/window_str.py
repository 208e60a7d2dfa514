counter = 0


def work(N):
    global counter
    for i in range(N):
        c = counter
        str(c)
        counter = c + 1
