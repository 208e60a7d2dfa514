"""Median run length of two CPU-bound threads between GIL switches.

Usage: python3 switch_cadence.py INTERVAL_MS SECONDS

Both threads spin in a pure-Python loop. A thread that finds the shared
`last` variable naming another thread has just been given the GIL, so it
stamps the time; a run is the time between two consecutive stamps. The
first and last runs (thread start and exit) are left out. Prints one JSON
object: {"median_ns": ..., "p90_ns": ..., "runs": ...}.
"""

import json
import statistics
import sys
import threading
import time

last = None
stamps = []


def spin(deadline):
    global last
    me = threading.get_ident()
    now = time.perf_counter_ns
    while True:
        if last != me:
            # Stamp after the check, not before: the stamp must be taken once this
            # thread is surely running again, or a switch at the call's check point
            # would date the stamp before the other thread's run.
            stamps.append(now())
            last = me
        if now() >= deadline:
            break


def main():
    interval_ms = float(sys.argv[1])
    seconds = float(sys.argv[2])
    sys.setswitchinterval(interval_ms / 1000)
    deadline = time.perf_counter_ns() + int(seconds * 1e9)
    threads = [threading.Thread(target=spin, args=(deadline,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    runs = [b - a for a, b in zip(stamps, stamps[1:])][1:-1]
    if not runs:
        sys.exit("switch_cadence.py: no complete run was recorded; try more SECONDS")
    deciles = statistics.quantiles(runs, n=10) if len(runs) > 1 else runs * 9
    result = {"median_ns": statistics.median(runs), "p90_ns": deciles[8], "runs": len(runs)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
