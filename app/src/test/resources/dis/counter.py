counter = 0


def work(N):
    global counter
    for i in range(N):
        counter += 1
