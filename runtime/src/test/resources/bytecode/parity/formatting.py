# f-strings (FORMAT_VALUE with !r, !s and int/str format specs, BUILD_STRING), str.format and
# str.join (vm-data).
# parity: entry=show args={"n": 1234, "s": "abc", "out": []}
# parity: entry=show args={"n": -7, "s": "it's", "out": []}
def show(n, s, out):
    out.append(f"{n}|{n!r}|{s!r}|{s!s}|{n:6d}|{n:<6}|{n:^7}|{n:x}|{n:#o}|{n:,}|{n:+08d}")
    out.append(f"[{s:>6}][{s:.2}][{s:*^9}]")
    out.append("{} and {!r}: {:>4}".format(n, s, n))
    out.append(", ".join([s, str(n), s.upper()]))
    print(f"{n} {s}", (n, s), [s])
