# A thread that raises ends with the same exception type on both sides.
# parity: entry=lookup args={"d": {"a": 1}, "key": "a", "out": []}
# parity: entry=lookup args={"d": {"a": 1}, "key": "b", "out": []}
# parity: entry=lookup threads=4 args={"d": {"a": 1}, "key": "b", "out": []} compare=exact
def lookup(d, key, out):
    out.append(d[key])
