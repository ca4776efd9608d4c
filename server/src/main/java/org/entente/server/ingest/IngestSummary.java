package org.entente.server.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Counts outcomes and keeps the first rejections with their reasons, for a report that stays small
 * however large the import.
 */
public final class IngestSummary implements Consumer<Outcome> {
    private final int keepRejections;
    private final List<Outcome> rejections = new ArrayList<>();
    private long added;
    private long unchanged;
    private long rejected;

    public IngestSummary(int keepRejections) {
        this.keepRejections = keepRejections;
    }

    @Override
    public synchronized void accept(Outcome outcome) {
        switch (outcome.kind()) {
            case ADDED -> added++;
            case UNCHANGED -> unchanged++;
            case REJECTED -> {
                rejected++;
                if (rejections.size() < keepRejections) rejections.add(outcome);
            }
        }
    }

    public synchronized long added() {
        return added;
    }

    public synchronized long unchanged() {
        return unchanged;
    }

    public synchronized long rejected() {
        return rejected;
    }

    public synchronized long total() {
        return added + unchanged + rejected;
    }

    public synchronized List<Outcome> firstRejections() {
        return Collections.unmodifiableList(new ArrayList<>(rejections));
    }
}
