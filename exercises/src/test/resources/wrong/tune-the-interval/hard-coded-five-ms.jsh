// WRONG: hard-codes the default 5 ms: the figures of two CPU threads and a sleep(0) beside one at
// CPython's default interval, whatever the interval and the workload.

import gilbook.exercises.contract.IntervalWorkload;

double switchesPerSecond(Duration interval, IntervalWorkload workload) {
    return 1_000.0 / 5.3;
}

Duration convoyWait(Duration interval, IntervalWorkload workload) {
    return Duration.ofMillis(5).plusNanos(300_000);
}

Duration pick(List<Duration> candidates, Duration target, IntervalWorkload workload) {
    return Duration.ofMillis(5);
}
