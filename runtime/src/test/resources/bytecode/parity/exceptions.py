# Exceptions: try/except/else/finally, raise, a bare re-raise, assert, a handler in a loop, and
# threads that end in an uncaught exception after their work.
# parity: entry=tally args={"stat": {"a": 1000}, "keys": ["a", "b", "a", "c"], "out": []}
# parity: entry=guarded args={"stat": {"count": 1000}, "n": 5000, "out": []}
# parity: entry=guarded args={"stat": {}, "n": -5000, "out": []}
# parity: entry=guarded args={"stat": {"count": 1000}, "n": 500, "out": []}
# parity: entry=reraise args={"stat": {}, "out": []}
# parity: entry=finish_then_fail threads=4 args={"stat": {"count": 0}} compare=exact
def tally(stat, keys, out):
    for k in keys:
        try:
            stat[k] = stat[k] + 1
        except KeyError as e:
            out.append("missing " + str(e))
        else:
            out.append("counted " + k)
        finally:
            out.append(k)


def check(n):
    assert n > 0, "not positive"
    if n > 1000:
        raise ValueError("too big: " + str(n))
    return n


def guarded(stat, n, out):
    try:
        out.append(check(n))
    except ValueError as e:
        out.append(str(e))
    except AssertionError as e:
        out.append("assert: " + str(e))
    try:
        try:
            out.append(stat["count"] // (n - 500))
        finally:
            out.append("inner finally")
    except KeyError:
        print("no count")
    except ZeroDivisionError as e:
        print("zero:", e)


def reraise(stat, out):
    try:
        out.append(stat["count"])
    except KeyError:
        out.append("seen")
        raise


def finish_then_fail(stat):
    for i in range(100):
        stat["count"] = stat["count"] + 1
    stat["count"] = stat["count"] + stat["missing"]
