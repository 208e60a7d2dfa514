# Check then act on a dict, four threads at 1 us. Under 3.11 nothing between the `in` test and the
# store checks the eval breaker (no call, only forward jumps), so no count is lost, on CPython 3.11
# whatever the schedule, and in the VM under policy 3.11 (DIS-VM.md: it loses under `tick`).
# parity: entry=tally threads=4 args={"counts": {}, "N": 2000} compare=no-lost-updates interval=1us seeds=1..2
def tally(counts, N):
    for i in range(N):
        k = i % 7 * 10 + i % 3
        if k not in counts:
            counts[k] = 1
        else:
            counts[k] = counts[k] + 1
