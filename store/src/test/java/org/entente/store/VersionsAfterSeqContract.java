package org.entente.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link ObjectStore#versionsAfterSeq} must do, run against each implementation with a fresh store per test. */
public abstract class VersionsAfterSeqContract {
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2024-01-02T00:00:00Z");

    protected Store store;

    /** A new, empty store. */
    protected abstract Store openStore();

    @BeforeEach
    void openStoreWithTwoCollections() {
        store = openStore();
        store.collections().create(new CollectionInfo("c1", "One", null, null));
        store.collections().create(new CollectionInfo("c2", "Two", null, null));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private void write(String collection, String id, Instant version) {
        String type = id.substring(0, id.indexOf("--"));
        String json = "{\"type\":\"" + type + "\",\"id\":\"" + id + "\",\"modified\":\"" + version + "\"}";
        store.objects().write(collection, List.of(new NewVersion(id, type, "2.1", version, json)));
    }

    private static List<String> described(SeqPage page) {
        return page.versions().stream().map(v -> v.collectionId() + ":" + v.version().id() + "@" + v.version().version()).toList();
    }

    @Test
    void versionsOfEveryCollectionComeInTheOrderTheyWereStoredEachWithItsCollection() {
        write("c1", "indicator--a", T1);
        write("c2", "sighting--s", T1);
        write("c1", "indicator--a", T2);
        write("c2", "indicator--a", T1);

        SeqPage page = store.objects().versionsAfterSeq(0, Set.of(), 10);

        assertThat(described(page)).containsExactly(
                "c1:indicator--a@" + T1, "c2:sighting--s@" + T1, "c1:indicator--a@" + T2, "c2:indicator--a@" + T1);
        assertThat(page.versions()).extracting(v -> v.version().seq()).isSorted().doesNotHaveDuplicates();
        assertThat(page.versions().getFirst().version().json()).contains("\"indicator--a\"");
        assertThat(page.more()).isFalse();
        assertThat(page.readTo()).isEqualTo(page.versions().getLast().version().seq());
    }

    @Test
    void aTypeFilterReadsPastTheVersionsOfOtherTypes() {
        write("c1", "sighting--s", T1);
        write("c1", "indicator--a", T1);
        write("c2", "indicator--b", T1);
        long last = store.objects().versionsAfterSeq(0, Set.of(), 10).readTo();

        SeqPage sightings = store.objects().versionsAfterSeq(0, Set.of("sighting", "observed-data"), 10);

        assertThat(described(sightings)).containsExactly("c1:sighting--s@" + T1);
        assertThat(sightings.readTo()).as("read to the end, past the indicators").isEqualTo(last);
        assertThat(store.objects().versionsAfterSeq(sightings.readTo(), Set.of("sighting"), 10).versions()).isEmpty();
    }

    @Test
    void pagesFollowOneAnotherFromReadToUntilNoneIsLeft() {
        for (int i = 0; i < 5; i++) write(i % 2 == 0 ? "c1" : "c2", "indicator--" + i, T1);

        SeqPage first = store.objects().versionsAfterSeq(0, Set.of("indicator"), 2);
        SeqPage second = store.objects().versionsAfterSeq(first.readTo(), Set.of("indicator"), 2);
        SeqPage third = store.objects().versionsAfterSeq(second.readTo(), Set.of("indicator"), 2);

        assertThat(first.more()).isTrue();
        assertThat(second.more()).isTrue();
        assertThat(third.more()).isFalse();
        assertThat(first.readTo()).isEqualTo(first.versions().getLast().version().seq());
        assertThat(described(first)).containsExactly("c1:indicator--0@" + T1, "c2:indicator--1@" + T1);
        assertThat(described(second)).containsExactly("c1:indicator--2@" + T1, "c2:indicator--3@" + T1);
        assertThat(described(third)).containsExactly("c1:indicator--4@" + T1);
    }

    @Test
    void anEmptyStoreOrOneReadToTheEndGivesNothingAndKeepsTheCursor() {
        SeqPage empty = store.objects().versionsAfterSeq(0, Set.of(), 10);
        assertThat(empty.versions()).isEmpty();
        assertThat(empty.readTo()).isZero();

        write("c1", "indicator--a", T1);
        long end = store.objects().versionsAfterSeq(0, Set.of(), 10).readTo();
        SeqPage none = store.objects().versionsAfterSeq(end, Set.of(), 10);
        assertThat(none.versions()).isEmpty();
        assertThat(none.readTo()).isEqualTo(end);
        assertThat(none.more()).isFalse();
    }

    @Test
    void aLimitOutsideOneToTheMaximumIsRefusedNamingTheRange() {
        assertThatThrownBy(() -> store.objects().versionsAfterSeq(0, Set.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.." + ObjectQuery.MAX_LIMIT);
        assertThatThrownBy(() -> store.objects().versionsAfterSeq(0, Set.of(), ObjectQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.." + ObjectQuery.MAX_LIMIT);
    }
}
