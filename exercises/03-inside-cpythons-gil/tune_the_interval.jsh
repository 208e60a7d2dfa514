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

double switchesPerSecond(Duration interval, IntervalWorkload workload) {
    // TODO: this assumes a run ends the moment the interval is over. Does
    // the holder let go of the GIL then?
    return 1e9 / interval.toNanos();
}

Duration convoyWait(Duration interval, IntervalWorkload workload) {
    // TODO: predict how long the I/O thread waits to get the GIL back
    // after each blocking call.
    return Duration.ZERO;
}

Duration pick(List<Duration> candidates, Duration target, IntervalWorkload workload) {
    // TODO: the first candidate may well meet the target, but it is not
    // necessarily the one that switches least.
    return candidates.get(0);
}
