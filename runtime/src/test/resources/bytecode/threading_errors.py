# Misuses of threading that CPython answers with an exception, and what the VM lacks.
import threading
import time


def over_release():
    bs = threading.BoundedSemaphore(1)
    bs.acquire()
    bs.release()
    bs.release()


def release_unlocked():
    lock = threading.Lock()
    lock.release()


def release_unowned_rlock():
    threading.RLock().release()


def wait_unacquired():
    threading.Condition().wait()


def join_unstarted():
    threading.Thread(target=print).join()


def start_twice():
    t = threading.Thread(target=print)
    t.start()
    t.join()
    t.start()


def with_a_dict(d):
    with d:
        pass


def explicit_lock(stat, N):
    lock = threading.Lock()
    for i in range(N):
        lock.acquire()
        stat["held"] = lock.locked()
        stat["count"] += 1
        lock.release()
    stat["after"] = lock.locked()


def sleeper():
    time.sleep(0.05)


def import_unknown():
    import os
    return os.getpid()


def missing_attribute():
    return threading.Barrier(2)
