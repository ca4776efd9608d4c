package org.entente.server.index;

import java.time.Duration;
import org.entente.store.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a stage's round of work on a virtual thread whenever the object store's change mark moves, polling it
 * every {@code interval}, until closed: the way the stages after the store follow it. Objects are stored in one
 * transaction with their sharing labels, so a round that has read up to the end of the store has nothing left
 * to wait for; a round that fails is logged and run again at the next poll, its cursor not having moved.
 */
public final class StoreFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFollower.class);

    private final Thread loop;

    private StoreFollower(Thread loop) {
        this.loop = loop;
    }

    public static StoreFollower start(String name, ObjectStore objects, Duration interval, Runnable round) {
        return new StoreFollower(Thread.ofVirtual().name(name).start(() -> {
            long seenMark = Long.MIN_VALUE;
            boolean failed = false;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long mark = objects.changeMark();
                    if (mark != seenMark || failed) {
                        failed = false;
                        round.run();
                        seenMark = mark;
                    }
                    Thread.sleep(interval);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.warn("{} failed; retrying", name, e);
                    failed = true;
                    sleepQuietly(interval);
                }
            }
        }));
    }

    /** Stops following, waiting up to 10 seconds for a round under way to end. */
    @Override
    public void close() {
        loop.interrupt();
        try {
            loop.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
