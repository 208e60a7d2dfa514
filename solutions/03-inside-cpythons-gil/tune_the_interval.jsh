// Chapter 3 · Tune the interval
//
// Predict what a switch interval costs and what it buys, then choose one.
// Work the figures out from how take_gil and the eval breaker behave
// (chapter 3, "Choosing an interval"); do not run the simulation: a
// prediction that builds an Interpreter fails the check.
//
// The machine (IntervalWorkload):
//   - each CPU-bound thread runs a loop whose body is one long call into C;
//     it checks the eval breaker only at the loop's back edge, once every
//     workload.checkPointEvery(), counted from the moment it got the GIL;
//   - the I/O thread, beside one CPU-bound thread, repeats: a blocking call
//     of workload.ioTime() (the GIL is released during it), then a few
//     instructions of Python, which cost next to nothing;
//   - wake-ups are free: a signalled thread runs at once. (On CPython the
//     OS adds 0.15 to 0.3 ms per wake-up; here the check points add their
//     own delay instead.)
//
// The checks ask about seeded workloads and intervals, and want each
// prediction within 20% of the simulation. Then pick(): among the
// candidates whose convoy wait is at most the target, the one at which two
// CPU-bound threads switch least often.
//
// Check it:  ./gilbook check tune-the-interval

import gilbook.exercises.contract.IntervalWorkload;

// The drop request comes one interval after the waiter starts waiting; the
// holder sees it at its first check point at or after that moment.
long firstCheckPointFrom(long nanos, long every) {
    return (nanos + every - 1) / every * every;
}

double switchesPerSecond(Duration interval, IntervalWorkload workload) {
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
