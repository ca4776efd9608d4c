package org.entente.store;

import java.time.Instant;

/**
 * How far delivery to one peer has come: entries still pending, when the oldest of them was enqueued
 * (null when none: the lag is zero), when the last delivery succeeded, and the last error if the most
 * recent attempt failed.
 */
public record OutboxState(long pending, Instant oldestPending, Instant lastDelivered, String lastError) {}
