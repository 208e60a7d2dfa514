"""Cost of hashlib.sha256 per byte on big buffers.

Usage: python3 sha256_cost.py MIB REPEATS

Hashes one buffer of MIB mebibytes REPEATS times, after one untimed call
that warms the caches. Prints one JSON object:
{"median_ns_per_byte": ..., "min_ns_per_byte": ..., "bytes": ...}.
"""

import hashlib
import json
import statistics
import sys
import time


def main():
    size = int(float(sys.argv[1]) * 1024 * 1024)
    repeats = int(sys.argv[2])
    buf = bytes(range(256)) * (size // 256)
    hashlib.sha256(buf).digest()
    per_byte = []
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        hashlib.sha256(buf).digest()
        per_byte.append((time.perf_counter_ns() - t0) / len(buf))
    result = {
        "median_ns_per_byte": statistics.median(per_byte),
        "min_ns_per_byte": min(per_byte),
        "bytes": len(buf),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
