package org.entente.server.warn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.entente.federation.sync.Backoff;
import org.entente.federation.sync.DeliveryResult;
import org.entente.store.AddressedWarning;
import org.entente.store.WarningStore;
import org.entente.store.WebhookDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs warnings to their recipients' webhooks from the durable queue in the store, signed with the
 * subscription's secret ({@link WebhookSignature}), until the receiver answers 2xx; failures are retried
 * with the federation's backoff. The queue lives in the store, so what was pending before a restart is
 * delivered after it.
 */
final class WebhookCourier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookCourier.class);
    static final String WARNING_HEADER = "X-Entente-Warning";
    private static final int BATCH = 50;

    private final WarningStore store;
    private final InstantSource clock;
    private final Backoff backoff;
    private final Duration poll;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread loop;

    WebhookCourier(WarningStore store, InstantSource clock, Backoff backoff, Duration poll) {
        this.store = store;
        this.clock = clock;
        this.backoff = backoff;
        this.poll = poll;
    }

    WebhookCourier start() {
        running = true;
        loop = Thread.ofVirtual().name("webhook-courier").start(this::run);
        return this;
    }

    /** Something was queued: deliver now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                deliverDue();
                wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("webhook delivery round failed; trying again", e);
                sleepQuietly();
            }
        }
    }

    /** Delivers what is due now; returns how many deliveries succeeded. */
    int deliverDue() {
        int done = 0;
        List<WebhookDelivery> due = store.dueDeliveries(clock.instant(), BATCH);
        for (WebhookDelivery delivery : due) {
            if (!running) break;
            if (deliver(delivery)) done++;
        }
        return done;
    }

    private boolean deliver(WebhookDelivery delivery) {
        long subscription = delivery.subscription().id();
        Optional<AddressedWarning> warning = store.addressed(delivery.warningId(), delivery.subscription().member());
        if (warning.isEmpty()) {
            // Cannot happen while recipients are never deleted; recorded so the entry does not spin.
            store.webhookFailed(subscription, delivery.warningId(), clock.instant().plus(Duration.ofDays(1)), "warning no longer addressed to the member");
            return false;
        }
        byte[] body = WarningJson.bytes(warning.get());
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.subscription().url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WARNING_HEADER, delivery.warningId())
                    .header(WebhookSignature.HEADER, WebhookSignature.of(delivery.subscription().secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                store.webhookDelivered(subscription, delivery.warningId(), clock.instant());
                return true;
            }
            error = "HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        Instant next = clock.instant().plus(backoff.after(delivery.attempts(), DeliveryResult.Kind.UNREACHABLE));
        store.webhookFailed(subscription, delivery.warningId(), next, error);
        LOG.info("webhook {} of {} failed ({}); next attempt at {}", delivery.subscription().url(), delivery.warningId(), error, next);
        return false;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
