package org.entente.server.detect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.entente.core.pattern.Observation;
import org.entente.core.pattern.engine.Indicator;
import org.entente.core.pattern.engine.IndicatorEngine;
import org.entente.core.pattern.engine.MatchOutcome;
import org.entente.core.pattern.engine.ValueEvent;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indicators this node may match, compiled into one {@link IndicatorEngine} and changed in place as
 * versions arrive. Versions may arrive in any order (from several peers, into several collections): the
 * newest {@code modified} of each id wins, and a revoked newest version removes the indicator, whatever
 * arrives after it that is older. Matching runs concurrently; changes take the write lock.
 */
public final class HeldIndicators {
    private static final Logger LOG = LoggerFactory.getLogger(HeldIndicators.class);

    private final IndicatorEngine engine = IndicatorEngine.create();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** The newest version seen of each indicator id, held or revoked; an older one arriving later is ignored. */
    private final Map<String, Held> newest = new ConcurrentHashMap<>();

    /**
     * Takes one stored indicator version; returns whether it changed what is held. A version whose pattern
     * cannot be matched (not STIX patterning, invalid, without valid_from) is logged and leaves the older
     * version held, as the engine does.
     */
    public boolean apply(StixObject indicator) {
        Instant version = indicator.version().map(StixTimestamp::instant).orElse(Instant.EPOCH);
        Indicator compiled;
        try {
            compiled = Indicator.of(indicator);
        } catch (IllegalArgumentException e) {
            LOG.debug("indicator not matched: {}", e.getMessage());
            return false;
        }
        lock.writeLock().lock();
        try {
            Held held = newest.get(indicator.id());
            if (held != null && !version.isAfter(held.version())) return false;
            engine.put(compiled);
            newest.put(indicator.id(), new Held(version, !compiled.revoked()));
            return true;
        } catch (IllegalArgumentException e) {
            LOG.info("indicator not matched: {}", e.getMessage());
            return false;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Whether a version of the indicator at least as new as {@code version} was taken already (held, or revoked):
     * then {@link #apply} of that version would change nothing, and the detect stage need not even parse it.
     */
    public boolean hasAtLeast(String indicatorId, Instant version) {
        Held held = newest.get(indicatorId);
        return held != null && !version.isAfter(held.version());
    }

    /** The version held of an indicator, empty when none is (never seen, or revoked). */
    public Optional<Instant> version(String indicatorId) {
        Held held = newest.get(indicatorId);
        return held != null && held.live() ? Optional.of(held.version()) : Optional.empty();
    }

    /** The indicators a window of observations matches. */
    public MatchOutcome match(List<Observation> window) {
        lock.readLock().lock();
        try {
            return engine.match(window);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The indicators one SCO observed at {@code at} matches. */
    public MatchOutcome match(StixObject sco, Instant at) {
        lock.readLock().lock();
        try {
            return engine.match(sco, at);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The indicators an SCO {@code {type, value}} observed at {@code at} matches, from the index alone when it can. */
    public MatchOutcome matchValue(String type, String value, Instant at) {
        lock.readLock().lock();
        try {
            return engine.matchValue(type, value, at);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The outcomes of many value events, in their order, each what {@link #matchValue} answers for it. */
    public List<MatchOutcome> matchValues(List<ValueEvent> events) {
        lock.readLock().lock();
        try {
            return engine.matchValues(events);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many indicators are held. */
    public int size() {
        lock.readLock().lock();
        try {
            return engine.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private record Held(Instant version, boolean live) {}
}
