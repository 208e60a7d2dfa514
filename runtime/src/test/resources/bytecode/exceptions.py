def undefined_after_subscript(stat):
    c = stat["count"]
    return no_such_function(c)


def lookup(stat):
    try:
        c = stat["count"]
    except KeyError as e:
        print("missing", e)
        c = 0
    finally:
        print("finally")
    return c


def index_or_default(items, i):
    try:
        return items[i]
    except IndexError:
        return -1


def reraise(stat):
    try:
        return stat["count"]
    except KeyError:
        print("reraising")
        raise


def check(n):
    if n > 10:
        raise ValueError("too big: " + str(n))
    return n


def catch_value(n):
    try:
        return check(n)
    except ValueError as e:
        print("caught", e)
        return 0


def positive(n):
    assert n > 0, "must be positive"
    return n


def divide(a, b):
    try:
        return a // b
    except ZeroDivisionError as e:
        print(e)
        return -1
    except Exception:
        return -2


def count_missing(stat, keys):
    missing = 0
    for k in keys:
        try:
            stat[k] += 1
        except KeyError:
            missing += 1
    return missing


def cleanup(stat):
    try:
        return stat["count"] * 2
    finally:
        stat["cleaned"] = stat["cleaned"] + 1


def chained(stat):
    try:
        return stat["count"]
    except KeyError:
        raise RuntimeError("no count")


def worker(stat):
    stat["started"] = stat["started"] + 1
    if stat["started"] == 2:
        missing = stat["missing"]
    for i in range(100):
        stat["count"] = stat["count"] + 1


def index_message(items, i):
    try:
        items[i] = items[i] + 1
    except IndexError as e:
        return str(e)
    try:
        items[i + 10] = 0
    except IndexError as e:
        return str(e)


def outer(n):
    return check(n) + 1


def convert(stat):
    try:
        return stat["count"]
    except KeyError as e:
        raise ValueError("no count") from e


def convert_quietly(stat):
    try:
        return stat["count"]
    except KeyError:
        raise ValueError("no count") from None


def down(n):
    return down(n + 1)
