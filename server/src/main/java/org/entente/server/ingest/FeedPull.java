package org.entente.server.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.taxiiclient.TaxiiCollectionReader;
import org.entente.federation.taxiiclient.TaxiiPage;
import org.entente.store.CollectionInfo;
import org.entente.store.CollectionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the node's feeds: each is read from its cursor on, page by page, through the ingest stage into its
 * own collection, and the cursor moves after each stored page. A poll with nothing new costs one request.
 */
public final class FeedPull implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPull.class);
    private static final int PAGE = 1_000;

    private final FeedFile feeds;
    private final CollectionStore collections;
    private final Ingest ingest;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Instant> lastPulled = new ConcurrentHashMap<>();
    private Thread loop;

    public FeedPull(FeedFile feeds, CollectionStore collections, Ingest ingest, Clock clock) {
        this.feeds = feeds;
        this.collections = collections;
        this.ingest = ingest;
        this.clock = clock;
    }

    /** Starts pulling every feed when it is due, in the background, until closed. */
    public FeedPull start() {
        loop = Thread.ofVirtual().name("feed-pull").start(this::run);
        return this;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            for (Feed feed : feeds.list()) {
                Instant last = lastPulled.get(feed.name());
                if (last != null && last.plusSeconds(feed.everySeconds()).isAfter(clock.instant())) continue;
                lastPulled.put(feed.name(), clock.instant());
                try {
                    pull(feed);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("feed {} not pulled: {}", feed.name(), e.getMessage());
                }
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads everything new of one feed; returns how many objects were stored. */
    public long pull(Feed feed) throws IOException {
        TaxiiCollectionReader reader = new TaxiiCollectionReader(URI.create(feed.url()), feed.authorization(), http);
        String collection = collectionOf(feed);
        IngestSummary summary = new IngestSummary(5);
        String cursor = feed.cursor();
        String next = null;
        do {
            TaxiiPage page = reader.read(cursor, next, PAGE);
            List<Element> elements = new ArrayList<>(page.objects().size());
            for (int i = 0; i < page.objects().size(); i++) {
                elements.add(new Element(i, StixJson.toObject(page.objects().get(i), "objects[" + i + "]"), null));
            }
            if (!elements.isEmpty()) ingest.submit(collection, elements).forEach(summary);
            next = page.more() ? page.next() : null;
            if (page.dateAddedLast() != null && next == null) {
                cursor = page.dateAddedLast();
                feeds.save(feed.withCursor(cursor));
            }
        } while (next != null);
        if (summary.total() > 0) {
            LOG.info("feed {}: {} objects, {} added, {} rejected", feed.name(), summary.total(), summary.added(), summary.rejected());
        }
        return summary.added();
    }

    private String collectionOf(Feed feed) {
        return collections.find(feed.collectionAlias()).map(CollectionInfo::id).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            try {
                collections.create(new CollectionInfo(id, "Pulled from " + feed.url(), null, feed.collectionAlias()));
                return id;
            } catch (IllegalStateException createdMeanwhile) {
                // Another puller (the running node, or the CLI) made it first.
                return collections.find(feed.collectionAlias()).orElseThrow(() -> createdMeanwhile).id();
            }
        });
    }

    @Override
    public void close() {
        if (loop != null) loop.interrupt();
    }
}
