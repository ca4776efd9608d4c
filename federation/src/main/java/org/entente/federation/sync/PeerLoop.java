package org.entente.federation.sync;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.entente.store.Peer;

/**
 * Work for one peer done in rounds on its own virtual thread until closed: each round says how long to
 * pause before the next, and {@link #wake} cuts a pause short. Subclasses call {@link #start} once their
 * own fields are set.
 */
abstract class PeerLoop implements AutoCloseable {
    private final Peer peer;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private volatile boolean running = true;
    private boolean signalled;
    private Thread thread;

    PeerLoop(Peer peer, String name) {
        this.peer = peer;
        this.name = name;
    }

    final void start() {
        thread = Thread.ofVirtual().name(name + "-" + peer.member().value()).start(this::run);
    }

    final Peer peer() {
        return peer;
    }

    final boolean running() {
        return running;
    }

    /** One round of work; @return how long to pause before the next, zero to go on at once */
    abstract Duration round();

    final void wake() {
        lock.lock();
        try {
            signalled = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            Duration pause = round();
            if (!pause.isZero()) sleep(pause);
        }
    }

    private void sleep(Duration pause) {
        lock.lock();
        try {
            if (!signalled && running) woken.awaitNanos(pause.toNanos());
            signalled = false;
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    static String abbreviate(String text) {
        if (text == null) return "";
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    @Override
    public void close() {
        running = false;
        wake();
        if (thread == null) return;
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
