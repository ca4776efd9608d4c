package org.entente.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Level;
import org.entente.core.policy.Member;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.sync.Backoff;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.detect.ClusterDetections;
import org.entente.server.federation.MemberProfile;
import org.entente.server.index.Correlation;
import org.entente.server.index.CorrelationIndexer;
import org.entente.server.testing.SampleObjects;
import org.entente.server.testing.SseSubscriber;
import org.entente.server.testing.TaxiiClient;
import org.entente.server.warn.CrossBorderClusterRule;
import org.entente.server.warn.WarningSettings;
import org.entente.server.warn.Warnings;
import org.entente.store.AddressedWarning;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.Share;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delete over TAXII (section 5.7) of the newest version of an object in a cluster warned of hours ago: the
 * older version is indexed in its place and the cluster counts as before, but its Server-Sent Events
 * subscriber is not warned of it a second time (the event's hour is long past, so only the index stage can
 * tell that nothing is new).
 */
class ClusterWarningAfterDeleteTest {
    private static final String TOKEN = "admin";
    private static final Member FR = new Member(MemberId.ofPublicKey("fr".getBytes(StandardCharsets.UTF_8)), "CERT-FR", "FR",
            Level.STATE, "cyber");
    private static final Member NL = new Member(MemberId.ofPublicKey("nl".getBytes(StandardCharsets.UTF_8)), "NL fraud unit", "NL",
            Level.SECTORAL, "finance");
    private static final WarningSettings CLUSTERS = new WarningSettings(List.of(new CrossBorderClusterRule(3)), Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofMillis(100), Backoff.DEFAULT);

    @TempDir
    Path dir;

    Node node;

    private Node start() {
        node = Node.start(NodeConfig.local(dir, 0).withAdminToken(TOKEN)
                .withProfile(new MemberProfile("national CERT", "DE", Level.STATE, "cyber")), CLUSTERS);
        return node;
    }

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    @Test
    void deletingTheNewestVersionOfAnObjectInAWarnedClusterDoesNotWarnOfTheClusterAgain() throws Exception {
        start();
        MemberId local = node.store().members().local().orElseThrow().id();
        String collection = node.store().collections().find("default").map(CollectionInfo::id).orElseThrow();
        node.close();
        node = null;

        // Three hours ago: a phone number in DE, FR (two versions) and NL, a cluster the member was warned of.
        Map<String, Object> older = phoneIndicator("+33 6 12 34 56 78", "2026-11-01T00:00:00.000Z");
        Map<String, Object> newest = new LinkedHashMap<>(older);
        newest.put("modified", "2026-11-02T00:00:00.000Z");
        String warned;
        try (Store store = StoreFactory.open(dir, null)) {
            store.members().save(FR);
            store.members().save(NL);
            store.objects().write(collection, List.of(version(phoneIndicator("+33 6 12 34 56 78", "2026-11-01T00:00:00.000Z"))));
            sharedBy(store, collection, FR.id(), local, older);
            sharedBy(store, collection, FR.id(), local, newest);
            sharedBy(store, collection, NL.id(), local, phoneIndicator("+33 6 12 34 56 78", "2026-11-01T00:00:00.000Z"));
            warned = warnThen(store, local, Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC));
        }

        start();
        TaxiiClient admin = TaxiiClient.bearer(node.url(), TOKEN);
        try (SseSubscriber sse = new SseSubscriber(node.url() + "api/v1/warnings/stream", TOKEN)) {
            assertThat(sse.next().id()).as("replayed: not acknowledged yet").isEqualTo(warned);

            TaxiiClient.Response delete = admin.delete("/taxii2/node/collections/" + collection + "/objects/" + older.get("id")
                    + "/?match%5Bversion%5D=last");
            assertThat(delete.status()).as(delete.text()).isEqualTo(200);
            // A new cluster stored after the delete: the index stage reaches it after the older version it reads again,
            // so a second warning of the first cluster would come before this one.
            Map<String, Object> marker = phoneIndicator("+33 6 98 76 54 32", "2026-11-03T00:00:00.000Z");
            node.store().objects().write(collection, List.of(version(marker)));
            sharedBy(node.store(), collection, FR.id(), local, phoneIndicator("+33 6 98 76 54 32", "2026-11-03T00:00:00.000Z"));
            sharedBy(node.store(), collection, NL.id(), local, phoneIndicator("+33 6 98 76 54 32", "2026-11-03T00:00:00.000Z"));

            SseSubscriber.Event next = sse.next();
            assertThat(next.json()).containsEntry("rule", "cross-border-cluster");
            assertThat(next.data()).as("the new cluster's warning, not the first cluster's again")
                    .contains("+33698765432").doesNotContain("+33612345678");
        }
        assertThat(node.store().warnings().addressedTo(local, false)).extracting(w -> w.warning().id())
                .as("one warning per cluster").hasSize(2).contains(warned);
        assertThat(TaxiiClient.bearer(node.url(), TOKEN).get("/api/v1/correlation/observables",
                Map.of("type", "x-entente-phone-number", "value", "+33 6 12 34 56 78")).text())
                .as("the older version counts in the deleted one's place").contains((String) older.get("id"));
    }

    /** Indexes the store and raises its warnings as the node's stages would have at {@code then}; the warning's id. */
    private static String warnThen(Store store, MemberId local, Clock then) {
        try (CorrelationIndexer indexer = new CorrelationIndexer(store, local, CorrelationIndexer.DEFAULT_BATCH);
             Warnings warnings = Warnings.of(store, then, CLUSTERS)) {
            Correlation correlation = new Correlation(store, then);
            ClusterDetections clusters = new ClusterDetections(store, local, warnings::raise, then);
            indexer.onIndexed(added -> clusters.accept(correlation.reached(added, 3, Duration.ofDays(7))));
            indexer.catchUp();
            List<AddressedWarning> raised = warnings.addressedTo(local, false);
            assertThat(raised).singleElement().satisfies(w -> assertThat(w.warning().rule()).isEqualTo("cross-border-cluster"));
            return raised.get(0).warning().id();
        }
    }

    private static Map<String, Object> phoneIndicator(String phone, String modified) {
        Map<String, Object> indicator = new LinkedHashMap<>(SampleObjects.indicator(SampleObjects.id("indicator"), modified));
        indicator.put("pattern", "[x-entente-phone-number:value = '" + phone + "']");
        return indicator;
    }

    /** Stores an object received from {@code origin}, addressed to {@code to}: the version and its labels in one transaction. */
    private static void sharedBy(Store store, String collection, MemberId origin, MemberId to, Map<String, Object> object) {
        Share share = Share.of(StixJson.toObject(object, "test"), "envelope--" + object.get("id") + object.get("modified"),
                SharingLabels.of(origin, Distribution.toMembers(to), Tlp.GREEN, "cyber"));
        store.atomically(work -> {
            work.objects(collection, List.of(version(object)));
            work.shares(List.of(share));
            return null;
        });
    }

    private static NewVersion version(Map<String, Object> object) {
        return new NewVersion((String) object.get("id"), (String) object.get("type"), "2.1",
                Instant.parse((String) object.get("modified")), StixJson.writeString(object));
    }
}
