package org.entente.server.api;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Request counts and latencies per route and status, and the number of objects stored, exposed for
 * Prometheus at {@code /metrics}.
 */
public final class HttpMetrics {
    private record TimerKey(String method, String route, int status) {}

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Building a timer (tags, histogram config, registry lookup) costs more than recording into it,
    // and this runs on every request: build each one once.
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetrics(Supplier<Number> objectsStored) {
        Gauge.builder("entente_objects_stored", objectsStored)
                .description("Distinct objects stored across collections")
                .register(registry);
    }

    /** Records one finished request; {@code route} is the matched path template, so labels stay few. */
    public void record(String method, String route, int status, float millis) {
        timers.computeIfAbsent(new TimerKey(method, route, status), this::timer)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("entente_http_requests")
                .description("HTTP requests by route and status")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .publishPercentileHistogram()
                .register(registry);
    }

    public void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
