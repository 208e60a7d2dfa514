# A global counter, read, added to and written back by each iteration (counter.py's loop).
# parity: entry=work threads=1 args={"N": 1000} globals={"counter": 0}
# parity: entry=work threads=1 args={"N": 1000} globals={"counter": 0} policy=3.10
# parity: entry=work threads=4 args={"N": 1000} globals={"counter": 0} compare=invariant expect="0 < counter <= 4 * N" seeds=1..3
# parity: entry=work threads=4 args={"N": 1000} globals={"counter": 0} compare=invariant expect="0 < counter <= 4 * N" interval=1us policy=tick
def work(N):
    global counter
    for i in range(N):
        counter += 1
