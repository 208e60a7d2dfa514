# threading, queue and time in the VM: each part prints what CPython prints under any schedule.
import threading
import time
import queue
from threading import Lock, Semaphore


def rlock_twice(rl, out):
    with rl:
        with rl:
            out.append(1)


def consume(cond, box, out):
    with cond:
        while box["n"] == 0:
            cond.wait()
        box["n"] -= 1
        out.append(1)


def produce(cond, box):
    with cond:
        box["n"] += 1
        cond.notify()


def limited(sem, lock, active):
    with sem:
        with lock:
            active["n"] += 1
            if active["n"] > active["max"]:
                active["max"] = active["n"]
        time.sleep(0.001)
        with lock:
            active["n"] -= 1


def wait_for_event(ev, out):
    ev.wait()
    out.append(ev.is_set())


def producer(q, n, consumers):
    for i in range(n):
        q.put(i)
    for i in range(consumers):
        q.put(None)


def consumer(q, lock, total):
    item = q.get()
    while item is not None:
        with lock:
            total["sum"] += item
            total["count"] += 1
        item = q.get()


ready_box = {}


def ready():
    return ready_box["n"] > 0


def wait_ready(cond, out):
    with cond:
        cond.wait_for(ready)
        out.append(ready_box["n"])


def timeouts():
    lock = threading.Lock()
    lock.acquire()
    sem = threading.Semaphore(0)
    ev = threading.Event()
    print("timeouts", lock.acquire(False), lock.acquire(True, 0.001), sem.acquire(False))
    print("timeouts", sem.acquire(True, 0.001), ev.wait(0.001), lock.locked())


def show_name(out):
    out.append(threading.current_thread().name)


def over_release():
    bs = threading.BoundedSemaphore(1)
    bs.acquire()
    bs.release()
    bs.release()


def start_all(target, args, n):
    threads = []
    for k in range(n):
        t = threading.Thread(target=target, args=args)
        threads.append(t)
        t.start()
    return threads


def join_all(threads):
    for t in threads:
        t.join()


def main():
    out = []
    join_all(start_all(rlock_twice, [threading.RLock(), out], 3))
    print("rlock", len(out))

    cond = threading.Condition()
    box = {}
    box["n"] = 0
    out = []
    consumers = start_all(consume, [cond, box, out], 3)
    time.sleep(0.01)
    join_all(start_all(produce, [cond, box], 3))
    join_all(consumers)
    print("condition", box["n"], len(out))

    active = {}
    active["n"] = 0
    active["max"] = 0
    join_all(start_all(limited, [Semaphore(2), Lock(), active], 5))
    print("semaphore", active["n"], active["max"])

    ev = threading.Event()
    out = []
    waiters = start_all(wait_for_event, [ev, out], 3)
    time.sleep(0.01)
    print("event before set", len(out), ev.is_set())
    ev.set()
    join_all(waiters)
    print("event", out)

    q = queue.Queue(4)
    total = {}
    total["sum"] = 0
    total["count"] = 0
    consumers = start_all(consumer, [q, threading.Lock(), total], 3)
    producer(q, 100, 3)
    join_all(consumers)
    print("queue", total["sum"], total["count"], q.qsize())

    cond = threading.Condition(threading.Lock())
    ready_box["n"] = 0
    out = []
    waiters = start_all(wait_ready, [cond, out], 2)
    time.sleep(0.01)
    with cond:
        ready_box["n"] = 7
        cond.notify_all()
    join_all(waiters)
    print("wait_for", out)

    timeouts()

    names = []
    t = start_all(show_name, [names], 1)[0]
    join_all([t])
    print("names", threading.current_thread().name, names, t.name, t.is_alive())


if __name__ == "__main__":
    main()
