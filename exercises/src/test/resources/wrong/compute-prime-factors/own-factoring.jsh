// WRONG: factors with its own trial division and Pollard's rho instead of Expensive.primeFactors, so no factoring is seen running detached
import gilbook.runtime.pyo3.*;
import gilbook.exercises.contract.Expensive;
import java.math.BigInteger;

long rho(long n) {
    if (n % 2 == 0) return 2;
    BigInteger big = BigInteger.valueOf(n);
    for (long c = 1; ; c++) {
        BigInteger x = BigInteger.TWO, y = BigInteger.TWO, d = BigInteger.ONE, cc = BigInteger.valueOf(c);
        while (d.equals(BigInteger.ONE)) {
            x = x.multiply(x).add(cc).mod(big);
            y = y.multiply(y).add(cc).mod(big);
            y = y.multiply(y).add(cc).mod(big);
            d = x.subtract(y).abs().gcd(big);
        }
        if (!d.equals(big)) return d.longValue();
    }
}

long[] factor(long n) {
    TreeSet<Long> found = new TreeSet<>();
    Deque<Long> pending = new ArrayDeque<>(List.of(n));
    while (!pending.isEmpty()) {
        long m = pending.pop();
        if (m == 1) continue;
        if (BigInteger.valueOf(m).isProbablePrime(40)) {
            found.add(m);
            continue;
        }
        long d = rho(m);
        pending.push(d);
        pending.push(m / d);
    }
    return found.stream().mapToLong(Long::longValue).toArray();
}

PyDict compute(Python py, Bound<PyList> numbers) {
    PyList list = numbers.get();
    long[] values = new long[list.size()];
    for (int i = 0; i < values.length; i++) {
        values[i] = ((PyLong) list.getItem(i)).asLong();
    }
    long[][] factors = py.allowThreads(() -> {
        long[][] out = new long[values.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = factor(values[i]);
        }
        return out;
    });
    PyDict result = PyDict.empty();
    for (int i = 0; i < values.length; i++) {
        PyLong key = PyLong.fromLong(values[i]);
        PyList value = PyList.ofLongs(factors[i]);
        result.setItem(key, value);
        key.decref();
        value.decref();
    }
    return result;
}
