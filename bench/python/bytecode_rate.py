"""The reward counter's loop, timed on this CPython, and its dis listing for the simulator.

Usage: python3 bytecode_rate.py N REPEATS LISTING_PATH

Writes dis.dis(process_piece) to LISTING_PATH (so the simulator runs exactly these bytecodes),
then times process_piece(stat, N) REPEATS times. Prints one JSON object:
{"median_ns": ..., "min_ns": ...}.
"""

import dis
import io
import json
import statistics
import sys
import time


def process_piece(stat, N):
    for i in range(N):
        if stat["piece_count"] % 10 == 0:
            reward = True
        else:
            reward = False
        if reward:
            stat["reward_count"] += 1
        stat["piece_count"] += 1


def main():
    n = int(sys.argv[1])
    repeats = int(sys.argv[2])
    listing = io.StringIO()
    dis.dis(process_piece, file=listing)
    with open(sys.argv[3], "w") as f:
        f.write(listing.getvalue())
    times = []
    for _ in range(repeats):
        stat = {"piece_count": 0, "reward_count": 0}
        t0 = time.perf_counter_ns()
        process_piece(stat, n)
        times.append(time.perf_counter_ns() - t0)
    print(json.dumps({"median_ns": statistics.median(times), "min_ns": min(times)}))


if __name__ == "__main__":
    main()
