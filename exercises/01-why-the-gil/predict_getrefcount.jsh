// Chapter 1 · Predict getrefcount
//
// For each snippet, predict what its last line prints on CPython 3.11.
// Work it out by counting owners (names, list slots, dict values) and
// remember what getrefcount does with its own argument. Then check.
//
//   1)  a = ["A", "B"]
//       sys.getrefcount(a)
//
//   2)  a = ["A", "B"]
//       b = a
//       sys.getrefcount(a)
//
//   3)  a = ["A", "B"]
//       pair = [a, a]
//       sys.getrefcount(a)
//
//   4)  a = ["A", "B"]
//       b = a
//       del b
//       sys.getrefcount(a)
//
//   5)  sys.getrefcount(["A", "B"])
//
//   6)  a = ["A"]
//       d = {"k": a, "j": a}
//       d["k"] = None
//       sys.getrefcount(a)
//
// Check it:  ./gilbook check predict-getrefcount

long[] predictions() {
    return new long[] {
        0, // TODO 1)
        0, // TODO 2)
        0, // TODO 3)
        0, // TODO 4)
        0, // TODO 5)
        0, // TODO 6)
    };
}
