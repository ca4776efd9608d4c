package org.entente.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DetectCursors} must do, run against each implementation with a fresh store per test. */
public abstract class DetectCursorsContract {
    protected Store store;

    /** A new, empty store. */
    protected abstract Store openStore();

    /** The store last opened by {@link #openStore()}, opened again after it was closed. */
    protected abstract Store reopenStore();

    @BeforeEach
    void openEmptyStore() {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void theCursorStartsAtZeroMovesForwardAndSurvivesARestart() {
        assertThat(store.detectCursors().cursor()).isZero();
        store.detectCursors().advance(42);
        store.close();
        store = reopenStore();

        assertThat(store.detectCursors().cursor()).isEqualTo(42);
    }

    @Test
    void theCursorNeverMovesBack() {
        store.detectCursors().advance(42);
        store.detectCursors().advance(10);
        assertThat(store.detectCursors().cursor()).isEqualTo(42);
    }

    @Test
    void aStoreThatNeverHadPerCollectionCursorsHasNothingMatchedAhead() {
        store.detectCursors().advance(42);
        assertThat(store.detectCursors().matchedAhead()).isEmpty();
    }
}
