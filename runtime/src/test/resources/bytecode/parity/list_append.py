# list.append from one thread, and from four: each append is one call under the GIL, so none is
# lost, whatever the order the threads run in.
# parity: entry=collect args={"items": [], "N": 100}
# parity: entry=collect threads=4 args={"items": [], "N": 1000} compare=invariant expect="sorted(items) == sorted(list(range(0, 2 * N, 2)) * 4)" seeds=1..3
# parity: entry=collect threads=4 args={"items": [], "N": 1000} compare=invariant expect="sorted(items) == sorted(list(range(0, 2 * N, 2)) * 4)" interval=1us
def collect(items, N):
    for i in range(N):
        items.append(i * 2)
