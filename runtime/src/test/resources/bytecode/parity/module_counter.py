# A whole module: the module's code sets the globals, then the entry runs.
# parity: entry=work module=true args={"N": 1000}
counter = 0
step = 2


def work(N):
    global counter
    for i in range(N):
        counter += step
