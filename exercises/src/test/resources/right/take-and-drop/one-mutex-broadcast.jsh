// RIGHT: one mutex for everything, broadcast instead of signal, and the forced-switch wait in a
// loop on a second condition bound to the same mutex.

class OneMutexGil implements GilLock {
    private final GilContext context;
    private final Mutex mutex;
    private final Cond free;
    private final Cond switched;
    private boolean held;
    private PyThreadState holder;
    private long switches;
    private long intervalNanos;

    OneMutexGil(GilContext context) {
        this.context = context;
        this.intervalNanos = context.intervalNanos();
        this.mutex = context.clock().newMutex("gil");
        this.free = context.clock().newCond("gil.free", mutex);
        this.switched = context.clock().newCond("gil.switched", mutex);
    }

    public void takeGil(PyThreadState tstate) {
        mutex.lock();
        try {
            while (held) {
                long before = switches;
                if (free.timedWait(intervalNanos) && held && switches == before) {
                    context.evalBreaker().setGilDropRequest(tstate);
                }
            }
            held = true;
            if (holder != tstate) {
                holder = tstate;
                switches++;
                switched.broadcast();
            }
            context.evalBreaker().resetGilDropRequest();
        } finally {
            mutex.unlock();
        }
    }

    public void dropGil(PyThreadState tstate) {
        mutex.lock();
        try {
            held = false;
            holder = tstate;
            free.broadcast();
            if (context.forceSwitching() && context.evalBreaker().gilDropRequest()) {
                context.evalBreaker().resetGilDropRequest();
                while (holder == tstate) {
                    switched.await();
                }
            }
        } finally {
            mutex.unlock();
        }
    }

    public boolean locked() {
        mutex.lock();
        try {
            return held;
        } finally {
            mutex.unlock();
        }
    }

    public PyThreadState lastHolder() {
        mutex.lock();
        try {
            return holder;
        } finally {
            mutex.unlock();
        }
    }

    public long switchNumber() {
        mutex.lock();
        try {
            return switches;
        } finally {
            mutex.unlock();
        }
    }

    public long interval() {
        return intervalNanos;
    }

    public void setInterval(long nanos) {
        mutex.lock();
        try {
            intervalNanos = nanos;
        } finally {
            mutex.unlock();
        }
    }
}

GilLock newGil(GilContext context) {
    return new OneMutexGil(context);
}
