package org.entente.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.entente.core.policy.MemberId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do for per-reader access: users bound to a member, and the search
 * candidates across collections. Run against each implementation by a subclass.
 */
public abstract class ReadPolicyStoreContract {
    private static final MemberId HOSTED = MemberId.ofPublicKey("hosted".getBytes(StandardCharsets.UTF_8));
    private static final Instant T1 = Instant.parse("2024-01-01T00:00:00.001Z");
    private static final Instant T2 = Instant.parse("2024-01-02T00:00:00.002Z");

    protected Store store;

    /** A new, empty store. */
    protected abstract Store openStore();

    @BeforeEach
    void openEmptyStoreWithTwoCollections() {
        store = openStore();
        store.collections().create(new CollectionInfo("a", "A", null, null));
        store.collections().create(new CollectionInfo("b", "B", null, null));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static NewVersion indicator(String id, Instant modified, String name) {
        String json = "{\"type\":\"indicator\",\"id\":\"" + id + "\",\"modified\":\"" + modified + "\",\"name\":\"" + name + "\"}";
        return new NewVersion(id, "indicator", "2.1", modified, json);
    }

    private static NewVersion domain(String id, String value) {
        String json = "{\"type\":\"domain-name\",\"id\":\"" + id + "\",\"value\":\"" + value + "\"}";
        return new NewVersion(id, "domain-name", "2.1", null, json);
    }

    private List<String> ids(Set<String> collections, Set<String> types, List<String> terms) {
        return store.search().candidates(collections, types, terms, 0, 100).items().stream().map(StoredVersion::id).toList();
    }

    @Test
    void aUserBoundToAMemberKeepsTheBindingAndLosesItWhenReplacedWithout() {
        store.accounts().saveUser(new Account("unit", null, false, Optional.of(HOSTED)));
        store.accounts().addToken("token-hash", "unit", null);
        assertThat(store.accounts().findUser("unit")).map(Account::member).contains(Optional.of(HOSTED));
        assertThat(store.accounts().findByTokenHash("token-hash")).map(Account::member).contains(Optional.of(HOSTED));

        store.accounts().saveUser(new Account("unit", null, false));
        assertThat(store.accounts().findUser("unit")).map(Account::member).contains(Optional.empty());
    }

    @Test
    void searchFindsTheNewestVersionCaseInsensitivelyAndEachObjectOnce() {
        store.objects().write("a", List.of(indicator("indicator--1", T1, "Old name"), indicator("indicator--2", T1, "Phishing KIT")));
        store.objects().write("a", List.of(indicator("indicator--1", T2, "Phishing wave")));
        store.objects().write("b", List.of(indicator("indicator--2", T1, "Phishing KIT"), domain("domain-name--3", "phishing.example")));

        assertThat(ids(Set.of("a", "b"), Set.of(), List.of("PHISHING"))).containsExactly("indicator--2", "indicator--1", "domain-name--3");
        assertThat(ids(Set.of("a", "b"), Set.of(), List.of("old name"))).isEmpty();
        assertThat(ids(Set.of("b"), Set.of("domain-name"), List.of("phishing"))).containsExactly("domain-name--3");
        assertThat(ids(Set.of("a", "b"), Set.of(), List.of("nothing", "wave"))).containsExactly("indicator--1");
        assertThat(ids(Set.of(), Set.of(), List.of("phishing"))).isEmpty();
    }

    @Test
    void searchTermsWithWildcardsQuotesOrNonAsciiStillFindTheirObjects() {
        store.objects().write("a", List.of(indicator("indicator--1", T1, "100%_sure \\\"quoted\\\" Café")));
        assertThat(ids(Set.of("a"), Set.of(), List.of("100%_sure"))).containsExactly("indicator--1");
        assertThat(ids(Set.of("a"), Set.of(), List.of("\"quoted\""))).containsExactly("indicator--1");
        assertThat(ids(Set.of("a"), Set.of(), List.of("CAFÉ"))).containsExactly("indicator--1");
    }

    @Test
    void searchPagesAreCompleteAndDisjoint() {
        List<NewVersion> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) batch.add(indicator("indicator--" + i, T1, "match " + i));
        store.objects().write("a", batch);
        store.objects().write("b", batch);
        List<String> seen = new ArrayList<>();
        long after = 0;
        Page page;
        do {
            page = store.search().candidates(Set.of("a", "b"), Set.of(), List.of("match"), after, 10);
            page.items().forEach(v -> seen.add(v.id()));
            after = page.nextSeq();
        } while (page.more());
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void aSearchWithoutTermsFindsEveryObjectAndABadLimitIsRefused() {
        store.objects().write("a", List.of(indicator("indicator--1", T1, "one"), domain("domain-name--2", "two.example")));
        assertThat(ids(Set.of("a"), Set.of(), List.of())).containsExactly("indicator--1", "domain-name--2");
        assertThatThrownBy(() -> store.search().candidates(Set.of("a"), Set.of(), List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }
}
