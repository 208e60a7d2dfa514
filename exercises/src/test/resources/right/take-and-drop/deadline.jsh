// RIGHT: a deadline instead of a fresh full wait after each wake-up: the waiter keeps the moment
// its current interval ends, starts a new interval only when the GIL changed hands, and waits on
// the clock for the rest. The forced-switch wait counts hand-overs instead of comparing holders.

class DeadlineGil implements GilLock {
    private final GilContext context;
    private final Clock clock;
    private final Mutex mutex;
    private final Cond cond;
    private final Mutex switchMutex;
    private final Cond switchCond;
    private volatile boolean locked;
    private volatile PyThreadState lastHolder;
    private volatile long switchNumber;
    private volatile long interval;

    DeadlineGil(GilContext context) {
        this.context = context;
        this.clock = context.clock();
        this.interval = context.intervalNanos();
        this.mutex = clock.newMutex("gil.mutex");
        this.cond = clock.newCond("gil.cond", mutex);
        this.switchMutex = clock.newMutex("gil.switch_mutex");
        this.switchCond = clock.newCond("gil.switch_cond", switchMutex);
    }

    public void takeGil(PyThreadState tstate) {
        mutex.lock();
        long seen = switchNumber;
        long deadline = clock.nanoTime() + interval;
        while (locked) {
            long left = deadline - clock.nanoTime();
            if (left > 0) {
                cond.timedWait(left);
            }
            if (!locked) {
                break;
            }
            if (switchNumber != seen) {
                // Someone else got the GIL meanwhile: a whole new interval before asking.
                seen = switchNumber;
                deadline = clock.nanoTime() + interval;
            } else if (clock.nanoTime() >= deadline) {
                context.evalBreaker().setGilDropRequest(tstate);
                deadline = clock.nanoTime() + interval;
            }
        }
        switchMutex.lock();
        locked = true;
        if (lastHolder != tstate) {
            lastHolder = tstate;
            switchNumber++;
            switchCond.signal();
        }
        switchMutex.unlock();
        context.evalBreaker().resetGilDropRequest();
        mutex.unlock();
    }

    public void dropGil(PyThreadState tstate) {
        boolean asked = context.evalBreaker().gilDropRequest();
        switchMutex.lock();
        long before = switchNumber;
        switchMutex.unlock();
        mutex.lock();
        locked = false;
        cond.signal();
        mutex.unlock();
        if (context.forceSwitching() && asked) {
            switchMutex.lock();
            context.evalBreaker().resetGilDropRequest();
            while (switchNumber == before) {
                switchCond.await();
            }
            switchMutex.unlock();
        }
    }

    public boolean locked() {
        return locked;
    }

    public PyThreadState lastHolder() {
        return lastHolder;
    }

    public long switchNumber() {
        return switchNumber;
    }

    public long interval() {
        return interval;
    }

    public void setInterval(long nanos) {
        interval = nanos;
    }
}

GilLock newGil(GilContext context) {
    return new DeadlineGil(context);
}
