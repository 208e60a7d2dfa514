"""Lost updates on this CPython for read / WINDOW / write loops on a global counter.

Usage: python3 lost_updates.py THREADS N RUNS LISTING_DIR

For each window, writes dis.dis(compile(source, "window_KEY.py", "exec")) to
LISTING_DIR/window_KEY.dis (so the simulator runs exactly these bytecodes), then runs
work(N) in THREADS threads RUNS times at sys.setswitchinterval(1e-6), each run on a fresh
code object and fresh globals {"counter": 0, "items": [7]}, the threads released together
by a threading.Barrier, and counts the updates lost
(THREADS * N - counter). Prints one JSON object: {"KEY.RUN": lost, ...}.
"""

import dis
import io
import json
import sys
import threading

TEMPLATE = """def f(x):
    return x


def work(N):
    global counter
    for i in range(N):
        c = counter
{window}        counter = c + 1
"""

# The window between the read and the write; each key names a benchmark row (WindowLostUpdates).
WINDOWS = {
    "nothing": "",
    "if": "        if c < 0:\n            c = 0\n",
    "len": "        len(items)\n",
    "append": "        items.append(i)\n",
    "abs": "        abs(c)\n",
    "pycall": "        f(c)\n",
}


def start(go, work, n):
    # All threads start the loop together, as the VM's do; otherwise the first thread gets a head
    # start of a thread creation or more, and at small N may be done before the last one starts.
    go.wait()
    work(n)


def main():
    threads, n, runs, out_dir = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    sys.setswitchinterval(1e-6)
    result = {}
    for key, window in WINDOWS.items():
        source = TEMPLATE.format(window=window)
        name = f"window_{key}.py"
        listing = io.StringIO()
        dis.dis(compile(source, name, "exec"), file=listing)
        with open(f"{out_dir}/window_{key}.dis", "w") as f:
            f.write(listing.getvalue())
        for run in range(runs):
            go = threading.Barrier(threads)
            g = {"counter": 0, "items": [7]}
            exec(compile(source, name, "exec"), g)  # a fresh code object: warm-up from zero
            ts = [threading.Thread(target=start, args=(go, g["work"], n)) for _ in range(threads)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
            result[f"{key}.{run}"] = threads * n - g["counter"]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
