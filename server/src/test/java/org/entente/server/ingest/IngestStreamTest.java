package org.entente.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.store.NewVersion;
import org.entente.store.ObjectQuery;
import org.entente.store.ObjectStore;
import org.entente.store.Page;
import org.entente.store.StoredVersion;
import org.entente.store.WriteOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ingest.stream checks ahead on other threads; what the sink and the store see must not change. */
class IngestStreamTest {
    @Test
    void outcomesAndBatchesComeInTheOrderOfAPlainLoop() {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) elements.add(i % 7 == 3 ? notAnObject(i) : identity(i));
        RecordingStore store = new RecordingStore(Integer.MAX_VALUE);
        List<String> seen = new ArrayList<>();

        new Ingest(store, StixValidator.stix21()).stream("c", elements.iterator(), 100, o -> seen.add(o.index() + " " + o.kind()));

        assertThat(seen).isEqualTo(plainLoop(elements, 100));
        assertThat(store.batches).allSatisfy(batch -> assertThat(batch.size()).isLessThanOrEqualTo(100));
        assertThat(store.batches.stream().mapToInt(List::size).sum()).isEqualTo(3_000 - 429);
    }

    @Test
    void aFailingReaderStopsTheStreamAfterTheBatchesBeforeIt() {
        RecordingStore store = new RecordingStore(Integer.MAX_VALUE);
        Iterator<Element> failsAt550 = new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Element next() {
                if (next == 550) throw new IllegalArgumentException("malformed at 550");
                return identity(next++);
            }
        };

        assertThatThrownBy(() -> new Ingest(store, StixValidator.stix21()).stream("c", failsAt550, 100, o -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed at 550");
        assertThat(store.batches).hasSize(5);
    }

    @Test
    @Timeout(30)
    void aFailingWriteStopsReadingAnEndlessInput() {
        RecordingStore store = new RecordingStore(2);
        Iterator<Element> endless = new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Element next() {
                return identity(next++);
            }
        };

        assertThatThrownBy(() -> new Ingest(store, StixValidator.stix21()).stream("c", endless, 100, o -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("store down");
        assertThat(store.batches).hasSize(2);
    }

    /** The sink sequence of the former single-threaded loop: rejections at once, valid ones per batch. */
    private static List<String> plainLoop(List<Element> elements, int batchSize) {
        List<String> expected = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        for (Element element : elements) {
            if (!element.ok()) {
                expected.add(element.index() + " REJECTED");
                continue;
            }
            batch.add(element.index());
            if (batch.size() == batchSize) {
                batch.forEach(i -> expected.add(i + " ADDED"));
                batch.clear();
            }
        }
        batch.forEach(i -> expected.add(i + " ADDED"));
        return expected;
    }

    private static Element identity(int index) {
        StixObject object = StixObject.of(
                "type", "identity",
                "spec_version", "2.1",
                "id", "identity--" + new UUID(0x4000L | ((long) index << 32), 0x8000_0000_0000_0000L | index),
                "created", "2024-01-01T00:00:00.000Z",
                "modified", "2024-01-01T00:00:00.000Z",
                "name", "producer " + index,
                "identity_class", "organization");
        return new Element(index, object, null);
    }

    private static Element notAnObject(int index) {
        return new Element(index, null, "objects[" + index + "] is not a JSON object but a string");
    }

    /** Records each batch; the write after {@code failAfter} batches throws. */
    private static final class RecordingStore implements ObjectStore {
        final List<List<NewVersion>> batches = Collections.synchronizedList(new ArrayList<>());
        private final int failAfter;

        RecordingStore(int failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public List<WriteOutcome> write(String collectionId, List<NewVersion> batch) {
            if (batches.size() == failAfter) throw new IllegalStateException("store down");
            batches.add(List.copyOf(batch));
            return Collections.nCopies(batch.size(), WriteOutcome.ADDED);
        }

        @Override
        public Page find(String collectionId, ObjectQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.entente.store.SeqPage versionsAfterSeq(long afterSeq, java.util.Set<String> types, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int delete(String collectionId, String objectId, ObjectQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countObjects(String collectionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long changeMark() {
            throw new UnsupportedOperationException();
        }
    }
}
