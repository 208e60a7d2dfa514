# The VM's builtins: abs, len, str, range with a start and a step, print with several arguments.
# (No keyword arguments: 3.11's dis does not print the names KW_NAMES refers to.)
# parity: entry=show args={"xs": [-7, 0, 12, -300], "out": []}
def show(xs, out):
    for x in xs:
        out.append(abs(x))
        out.append(str(x) + "/" + str(len(out)))
    for i in range(10, 0, -3):
        print(i, abs(i - 5), "|", 0 - i)
