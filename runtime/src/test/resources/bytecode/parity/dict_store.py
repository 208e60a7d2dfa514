# Each thread stores the same keys: a STORE_SUBSCR is one bytecode under the GIL, and every
# schedule ends with the dict that one thread alone would leave.
# parity: entry=fill threads=4 args={"seen": {}, "N": 500} compare=no-lost-updates seeds=1..3
# parity: entry=fill threads=4 args={"seen": {}, "N": 500} compare=no-lost-updates interval=1us
def fill(seen, N):
    for i in range(N):
        seen[i] = i * i
