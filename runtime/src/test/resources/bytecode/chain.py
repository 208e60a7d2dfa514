def walk(links, x):
    n = 0
    while x is not None:
        n = n + 1
        x = links.get(x)
    return n
