"""Lost updates on real CPython for a read / call / write window on a shared global.

Usage: python3 scripts/window-311-lost-updates.py [THREADS] [N] [RUNS]
Each thread runs N iterations of `c = counter; CALL; counter = c + 1`, with
sys.setswitchinterval(1e-6). Prints, per call in the window, the updates lost in each run.
The same loops as runtime/src/test/resources/bytecode/window_*.py (NOTES-vm311.md).
"""
import sys
import threading

sys.setswitchinterval(1e-6)
THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 3

SOURCES = {
    "len(items)": "def work(N):\n    global counter\n    for i in range(N):\n        c = counter\n        len(items)\n        counter = c + 1\n",
    "items.append(i)": "def work(N):\n    global counter\n    for i in range(N):\n        c = counter\n        items.append(i)\n        counter = c + 1\n",
    "r = items.append(i)": "def work(N):\n    global counter\n    for i in range(N):\n        c = counter\n        r = items.append(i)\n        counter = c + 1\n",
    "str(c)": "def work(N):\n    global counter\n    for i in range(N):\n        c = counter\n        str(c)\n        counter = c + 1\n",
    "f(c) (Python)": "def f(x):\n    return x\ndef work(N):\n    global counter\n    for i in range(N):\n        c = counter\n        f(c)\n        counter = c + 1\n",
    "f(*items)": "def f(x):\n    return x\ndef work(N):\n    global counter\n    for i in range(N):\n        c = counter\n        f(*items)\n        counter = c + 1\n",
    "[x for x in items]": "def work(N):\n    global counter\n    for i in range(N):\n        c = counter\n        [x for x in items]\n        counter = c + 1\n",
    "for x in (genexpr)": "def work(N):\n    global counter\n    for i in range(N):\n        c = counter\n        for x in (y for y in items):\n            pass\n        counter = c + 1\n",
}

print(sys.version.split()[0], THREADS, "threads x", N, "iterations, switch interval 1 us")
for what, src in SOURCES.items():
    lost = []
    for _ in range(RUNS):
        g = {"counter": 0, "items": [7]}
        exec(compile(src, "window.py", "exec"), g)  # a fresh code object: warm-up from zero
        ts = [threading.Thread(target=g["work"], args=(N,)) for _ in range(THREADS)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        lost.append(THREADS * N - g["counter"])
    print(f"{what:20} lost {lost}")
