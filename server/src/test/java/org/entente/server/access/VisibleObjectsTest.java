package org.entente.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.SharingLabels;
import org.entente.core.policy.Tlp;
import org.entente.store.CollectionInfo;
import org.entente.store.NewVersion;
import org.entente.store.ObjectQuery;
import org.entente.store.Page;
import org.entente.store.Share;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.entente.store.StoredVersion;
import org.entente.store.VersionSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filtered paging on a real SQLite store: pages fill up, the scan is bounded, and every request makes progress. */
class VisibleObjectsTest {
    static final MemberId ORIGIN = MemberId.ofPublicKey("origin".getBytes(StandardCharsets.UTF_8));
    static final MemberId HOSTED = MemberId.ofPublicKey("hosted".getBytes(StandardCharsets.UTF_8));
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    static NewVersion indicator(int i) {
        String id = "indicator--" + i;
        return new NewVersion(id, "indicator", "2.1", T, "{\"type\":\"indicator\",\"id\":\"" + id + "\",\"modified\":\"" + T + "\"}");
    }

    @Test
    void manyDeniedVersionsBeforeTheVisibleOnesCostABoundedScanPerPageAndNeverHideThem() {
        int denied = VisibleObjects.SCAN_BUDGET + 500;
        try (Store store = StoreFactory.open(dir, null)) {
            store.collections().create(new CollectionInfo("c", "C", null, null));
            List<NewVersion> batch = new ArrayList<>();
            for (int i = 0; i < denied + 3; i++) batch.add(indicator(i));
            store.objects().write("c", batch);
            SharingLabels toHosted = SharingLabels.of(ORIGIN, Distribution.toMembers(HOSTED), Tlp.AMBER, "cyber");
            store.shares().record(List.of(new Share("indicator--" + denied, T, "e1", toHosted),
                    new Share("indicator--" + (denied + 2), T, "e1", toHosted)));

            VisibleObjects visible = new VisibleObjects(store);
            Viewer viewer = visible.viewerFor(HOSTED);
            ObjectQuery query = new ObjectQuery(Set.of(), Set.of(), VersionSelector.LAST, Set.of(), null, 0, 1);
            List<String> seen = new ArrayList<>();
            List<Long> cursors = new ArrayList<>();
            Page page;
            long after = 0;
            do {
                page = visible.find(viewer, "c", query.withAfterSeq(after));
                page.items().stream().map(StoredVersion::id).forEach(seen::add);
                if (page.more()) {
                    assertThat(page.nextSeq()).as("each page moves the cursor on").isGreaterThan(after);
                    cursors.add(page.nextSeq());
                }
                after = page.nextSeq();
            } while (page.more());

            assertThat(seen).containsExactly("indicator--" + denied, "indicator--" + (denied + 2));
            // The first request stops at the budget, the second finds the first visible one and sees another follows,
            // the third returns it and finds nothing after it.
            assertThat(cursors).hasSize(2);
            assertThat(visible.find(Viewer.node(), "c", query.withLimit(5)).items()).hasSize(5);
        }
    }
}
