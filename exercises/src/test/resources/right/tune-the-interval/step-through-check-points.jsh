// RIGHT: steps through the holder's check points one by one until the drop request has been seen,
// instead of rounding with a formula; the switch rate is counted over a whole simulated second.

import gilbook.exercises.contract.IntervalWorkload;

long dropAt(long requestAt, long every) {
    long t = 0;
    while (t < requestAt) {
        t += every;
    }
    return t;
}

double switchesPerSecond(Duration interval, IntervalWorkload workload) {
    long every = workload.checkPointEvery().toNanos();
    long run = dropAt(interval.toNanos(), every);
    long runs = 0;
    long t = 0;
    while (t + run <= 1_000_000_000L) {
        t += run;
        runs++;
    }
    return runs + (1_000_000_000L - t) / (double) run;
}

Duration convoyWait(Duration interval, IntervalWorkload workload) {
    long every = workload.checkPointEvery().toNanos();
    long asked = workload.ioTime().toNanos();
    return Duration.ofNanos(dropAt(asked + interval.toNanos(), every) - asked);
}

Duration pick(List<Duration> candidates, Duration target, IntervalWorkload workload) {
    List<Duration> ok = new ArrayList<>();
    for (Duration c : candidates) {
        if (convoyWait(c, workload).compareTo(target) <= 0) {
            ok.add(c);
        }
    }
    ok.sort(Comparator.comparingDouble(c -> switchesPerSecond(c, workload)));
    return ok.get(0);
}
