counts = {}


def work(N):
    for i in range(N):
        k = (i % 4, "key")
        if k not in counts:
            counts[k] = 1
        else:
            counts[k] = counts[k] + 1
