# String concatenation, str() and print.
# parity: entry=greet args={"names": ["Ada", "Guido", "Tim"], "out": []}
def greet(names, out):
    for n in names:
        s = "hello, " + n + "!"
        print(s)
        out.append(s + " #" + str(len(out)))
    print("done", len(names))
