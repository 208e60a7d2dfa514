"""Round trip of time.sleep(0) in a thread, beside a CPU-bound thread or alone.

Usage: python3 io_latency.py INTERVAL_MS SECONDS beside|alone

time.sleep(0) releases the GIL, so beside a CPU-bound thread each call
must win it back: the convoy effect. The first few round trips, taken
before the CPU-bound thread is surely running, are left out. Prints one
JSON object: {"median_ns": ..., "p99_ns": ..., "samples": ...}.
"""

import json
import statistics
import sys
import threading
import time

WARM_UP_SAMPLES = 5
stop = False


def cpu_bound():
    x = 0
    while not stop:
        x += 1


def main():
    global stop
    interval_ms = float(sys.argv[1])
    seconds = float(sys.argv[2])
    mode = sys.argv[3]
    if mode not in ("beside", "alone"):
        sys.exit(f"io_latency.py: the third argument is beside or alone, not {mode!r}")
    sys.setswitchinterval(interval_ms / 1000)
    cpu = threading.Thread(target=cpu_bound) if mode == "beside" else None
    if cpu:
        cpu.start()
    samples = []
    now = time.perf_counter_ns
    deadline = now() + int(seconds * 1e9)
    while now() < deadline:
        t0 = now()
        time.sleep(0)
        samples.append(now() - t0)
    stop = True
    if cpu:
        cpu.join()
    samples = samples[WARM_UP_SAMPLES:]
    if len(samples) < 2:
        sys.exit("io_latency.py: too few round trips were recorded; try more SECONDS")
    centiles = statistics.quantiles(samples, n=100)
    result = {"median_ns": statistics.median(samples), "p99_ns": centiles[98], "samples": len(samples)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
