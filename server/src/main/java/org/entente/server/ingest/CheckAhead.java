package org.entente.server.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.server.ingest.ElementCheck.Checked;

/**
 * Reads and checks elements ahead of the caller, so parsing and validation run on other cores while the
 * caller writes to the store. A reader thread pulls elements from the iterator in chunks and hands each
 * chunk to a pool of checking threads; the caller gets the checked chunks back in submission order.
 *
 * <p>Memory stays bounded: at most {@code maxChunksAhead} chunks are read but not yet taken by the
 * caller, whatever the size of the input. An exception of the iterator (malformed input) reaches the
 * caller in order, after every chunk read before it, as it would from a plain loop.
 */
final class CheckAhead implements AutoCloseable {
    /** Small enough to spread over the workers, large enough that handing over costs nothing. */
    static final int CHUNK = 256;
    private static final Future<List<Checked>> END = CompletableFuture.completedFuture(null);

    private final Iterator<Element> elements;
    private final ElementCheck check;
    private final ExecutorService workers;
    private final BlockingQueue<Future<List<Checked>>> ahead;
    private final Thread reader;
    private volatile boolean stopped;

    private CheckAhead(Iterator<Element> elements, ElementCheck check, int workerCount, int maxChunksAhead) {
        this.elements = elements;
        this.check = check;
        this.workers = Executors.newFixedThreadPool(workerCount, daemonThreads("entente-ingest-check-"));
        this.ahead = new ArrayBlockingQueue<>(maxChunksAhead);
        this.reader = daemonThreads("entente-ingest-read-").newThread(this::readAll);
    }

    static CheckAhead start(Iterator<Element> elements, ElementCheck check) {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        CheckAhead ahead = new CheckAhead(elements, check, workers, 2 * workers + 2);
        ahead.reader.start();
        return ahead;
    }

    /** The next chunk of checked elements in submission order, or null at the end of the input. */
    List<Checked> next() {
        try {
            return ahead.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for checked elements", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private void readAll() {
        try {
            List<Element> chunk = new ArrayList<>(CHUNK);
            try {
                while (!stopped && elements.hasNext()) {
                    chunk.add(elements.next());
                    if (chunk.size() == CHUNK) {
                        hand(submit(chunk));
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
            } catch (RuntimeException | Error e) {
                // Elements read before the failure are checked and reported first, as in a plain loop.
                if (!chunk.isEmpty()) hand(submit(chunk));
                hand(CompletableFuture.failedFuture(e));
                return;
            }
            if (!chunk.isEmpty()) hand(submit(chunk));
            hand(END);
        } catch (InterruptedException e) {
            // close() stops the reader; nobody waits for the rest.
        }
    }

    private Future<List<Checked>> submit(List<Element> chunk) {
        return workers.submit(() -> {
            List<Checked> checked = new ArrayList<>(chunk.size());
            for (Element element : chunk) checked.add(check.check(element));
            return checked;
        });
    }

    /** Waits for room ahead of the caller; polls so that close() can stop it without interrupting reads. */
    private void hand(Future<List<Checked>> chunk) throws InterruptedException {
        while (!ahead.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            if (stopped) throw new InterruptedException("stopped");
        }
    }

    /** Stops reading (when the caller gives up early) and releases the threads. */
    @Override
    public void close() {
        stopped = true;
        ahead.clear();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workers.shutdownNow();
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException e) return e;
        if (cause instanceof Error e) throw e;
        return new IllegalStateException(cause);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
