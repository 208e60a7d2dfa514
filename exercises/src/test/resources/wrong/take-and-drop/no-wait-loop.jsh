// WRONG: waits once with "if" instead of a loop, so after a timed-out wait it takes the GIL while another thread still holds it

class MyGil implements GilLock {
    private final GilContext context;
    private final EvalBreaker evalBreaker;
    private final Mutex mutex;
    private final Cond cond;
    private final Mutex switchMutex;
    private final Cond switchCond;

    private volatile boolean locked;
    private volatile PyThreadState lastHolder;
    private volatile long switchNumber;
    private volatile long interval;

    MyGil(GilContext context) {
        this.context = context;
        this.evalBreaker = context.evalBreaker();
        this.interval = context.intervalNanos();
        this.mutex = context.clock().newMutex("gil.mutex");
        this.cond = context.clock().newCond("gil.cond", mutex);
        this.switchMutex = context.clock().newMutex("gil.switch_mutex");
        this.switchCond = context.clock().newCond("gil.switch_cond", switchMutex);
    }

    public void takeGil(PyThreadState tstate) {
        mutex.lock();
        try {
            // A loop: a wake-up (signal or timeout) is no promise that the GIL is free.
            if (locked) {
                long saved = switchNumber;
                boolean timedOut = cond.timedWait(interval);
                // Ask only if nobody got the GIL while we waited a whole interval.
                if (timedOut && locked && switchNumber == saved) {
                    evalBreaker.setGilDropRequest(tstate);
                }
            }
            // The dropper reads lastHolder under switchMutex: change it only while holding it.
            switchMutex.lock();
            locked = true;
            if (tstate != lastHolder) {
                lastHolder = tstate;
                switchNumber++;
            }
            switchCond.signal();
            switchMutex.unlock();
            // The GIL has changed hands (or was free): whoever asked has been answered.
            if (evalBreaker.gilDropRequest()) {
                evalBreaker.resetGilDropRequest();
            }
        } finally {
            mutex.unlock();
        }
    }

    public void dropGil(PyThreadState tstate) {
        lastHolder = tstate;
        mutex.lock();
        try {
            locked = false;
            cond.signal();
        } finally {
            mutex.unlock();
        }
        // Forced switching: the dropper is already running and would win the race to take the GIL
        // back, so it waits until someone else has it. Only when a drop was asked for.
        if (context.forceSwitching() && evalBreaker.gilDropRequest()) {
            switchMutex.lock();
            try {
                if (lastHolder == tstate) {
                    evalBreaker.resetGilDropRequest();
                    switchCond.await();
                }
            } finally {
                switchMutex.unlock();
            }
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
    return new MyGil(context);
}
