// WRONG: predicts by running the simulation instead of the model

import gilbook.exercises.contract.IntervalWorkload;

// The drop request comes one interval after the waiter starts waiting; the
// holder sees it at its first check point at or after that moment.
long firstCheckPointFrom(long nanos, long every) {
    return (nanos + every - 1) / every * every;
}

double switchesPerSecond(Duration interval, IntervalWorkload workload) {
    try (Interpreter interp = Interpreter.builder().switchInterval(interval).build()) {
        interp.start("a", () -> Eval.loop(10, i -> Work.cpu(workload.checkPointEvery())));
        interp.awaitThreads();
    }
    // Two CPU threads: the waiter starts its wait when the holder takes the
    // GIL, so each run is the interval rounded up to a check point.
    long run = firstCheckPointFrom(interval.toNanos(), workload.checkPointEvery().toNanos());
    return 1e9 / run;
}

Duration convoyWait(Duration interval, IntervalWorkload workload) {
    // The CPU thread took the GIL when the I/O call began; the I/O thread
    // asks ioTime later, and sets the drop request one interval after that.
    long io = workload.ioTime().toNanos();
    long every = workload.checkPointEvery().toNanos();
    long handedBack = firstCheckPointFrom(io + interval.toNanos(), every);
    return Duration.ofNanos(handedBack - io);
}

Duration pick(List<Duration> candidates, Duration target, IntervalWorkload workload) {
    Duration best = null;
    for (Duration c : candidates) {
        if (convoyWait(c, workload).compareTo(target) > 0) {
            continue; // too slow for the I/O thread
        }
        if (best == null || switchesPerSecond(c, workload) < switchesPerSecond(best, workload)) {
            best = c;
        }
    }
    return best;
}
