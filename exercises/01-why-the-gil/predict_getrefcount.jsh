// Chapter 1 · Predict getrefcount
//
// For each snippet, predict the number its last line gives on CPython
// 3.11 (as print() would show it), each snippet run as its own program.
// Count every owner the object has at that moment (names, slots of lists
// and tuples, dict values, attributes, parameters), and remember what
// getrefcount does with its own argument.
// The table in the lesson answers none of these outright. Then check.
//
//   1)  a = [1000, 2000]
//       sys.getrefcount(a)
//
//   2)  a = [1000, 2000]
//       t = (a, a, a)
//       sys.getrefcount(a)
//
//   3)  a = [1000, 2000]
//       L = [a, a]
//       sys.getrefcount(L[1])
//
//   4)  a = [1000, 2000]
//       t = (a, a)
//       del t
//       sys.getrefcount(a)
//
//   5)  class C: pass
//       a = [1000, 2000]
//       o = C()
//       o.x = a
//       o.y = a
//       o.x = None
//       sys.getrefcount(a)
//
//   6)  a = [1000, 2000]
//       d = {"k": a}
//       L = [d["k"], a]
//       sys.getrefcount(a)
//
//   7)  def f(p):
//           return sys.getrefcount(p)
//       a = [1000, 2000]
//       f(a)
//
//   8)  def f(p):
//           return sys.getrefcount(p)
//       f([1000, 2000])
//
//   9)  class C: pass
//       def f(p):
//           return sys.getrefcount(p)
//       a = [1000, 2000]
//       o = C()
//       o.x = (a, a)
//       f(o.x[0])
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
        0, // TODO 7)
        0, // TODO 8)
        0, // TODO 9)
    };
}
