import threading

lock = threading.Lock()


def locked_failure(stat):
    with lock:
        stat["entered"] = stat["entered"] + 1
        stat["count"] = stat["missing"]


def locked_catch(stat):
    try:
        with lock:
            stat["count"] = stat["missing"]
    except KeyError:
        stat["caught"] = stat["caught"] + 1
    stat["locked"] = lock.locked()
