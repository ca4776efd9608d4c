package org.entente.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.TaxiiClient;
import org.entente.store.ObjectQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulling a TAXII collection of another server: everything once, then only what is new, with one request when nothing is. */
class FeedPullTest {
    @TempDir
    Path dir;

    @Test
    void aFeedIsReadAcrossPagesAndThenOnlyForWhatIsNew() throws IOException {
        try (Node source = Node.start(NodeConfig.local(dir.resolve("source"), 0).withAdminToken("source-token"));
             Node reader = Node.start(NodeConfig.local(dir.resolve("reader"), 0).withAdminToken("reader-token"))) {
            TaxiiClient taxii = TaxiiClient.bearer(source.url(), "source-token");
            List<Object> first = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) first.add(SampleObjects.malware(SampleObjects.id("malware")));
            assertThat(taxii.post("/taxii2/node/collections/default/objects/", Map.of("objects", first)).status()).isEqualTo(202);

            // Kept apart from the reader node's own feed file, and this puller is never started in the
            // background, so that only the calls below read the feed.
            FeedFile feeds = new FeedFile(dir.resolve("manual"));
            Feed feed = new Feed("partner", source.url() + "taxii2/node/collections/default/", "Bearer source-token", 3600, null);
            feeds.save(feed);
            FeedPull pull = new FeedPull(feeds, reader.store().collections(), new Ingest(reader.store().objects(),
                    org.entente.core.stix.StixValidator.stix21()), java.time.Clock.systemUTC());
            try {
                assertThat(pull.pull(feeds.find("partner").orElseThrow())).isEqualTo(1_500);
                assertThat(feeds.find("partner").orElseThrow().cursor()).isNotNull();
                assertThat(pull.pull(feeds.find("partner").orElseThrow())).isZero();

                Map<String, Object> later = SampleObjects.malware(SampleObjects.id("malware"));
                taxii.post("/taxii2/node/collections/default/objects/", Map.of("objects", List.of(later)));
                assertThat(pull.pull(feeds.find("partner").orElseThrow())).isEqualTo(1);
                String collection = reader.store().collections().find("feed-partner").orElseThrow().id();
                assertThat(reader.store().objects().countObjects(collection)).isEqualTo(1_501);
            } finally {
                pull.close();
            }
        }
    }

    @Test
    void aFeedWithWrongCredentialsIsReportedAndStoresNothing() {
        try (Node source = Node.start(NodeConfig.local(dir.resolve("source"), 0).withAdminToken("source-token"))) {
            // Kept apart from the reader node's own feed file, so that only this puller reads the feed.
            FeedFile feeds = new FeedFile(dir.resolve("manual"));
            Feed feed = new Feed("partner", source.url() + "taxii2/node/collections/default/", "Bearer wrong", 3600, null);
            FeedPull pull = new FeedPull(feeds, source.store().collections(), new Ingest(source.store().objects(),
                    org.entente.core.stix.StixValidator.stix21()), java.time.Clock.systemUTC());
            try {
                assertThatThrownBy(() -> pull.pull(feed)).isInstanceOf(IOException.class).hasMessageContaining("401");
                assertThat(source.store().objects().find(source.store().collections().find("feed-partner").orElseThrow().id(),
                        ObjectQuery.all()).items()).isEmpty();
            } finally {
                pull.close();
            }
        }
    }
}
