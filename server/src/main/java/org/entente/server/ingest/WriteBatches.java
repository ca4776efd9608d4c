package org.entente.server.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.entente.server.ingest.ElementCheck.Checked;
import org.entente.server.ingest.ElementCheck.Pending;
import org.entente.store.NewVersion;
import org.entente.store.WriteOutcome;

/**
 * Takes checked elements in submission order: passes rejections straight to the sink and stores the
 * valid ones in batches of {@code batchSize}, each batch atomically, reporting their outcomes once the
 * batch is written.
 */
final class WriteBatches {
    private final Function<List<NewVersion>, List<WriteOutcome>> write;
    private final int batchSize;
    private final Consumer<Outcome> sink;
    private final List<Pending> batch;

    /** {@code write} stores one batch atomically and returns one outcome per version, in order. */
    WriteBatches(Function<List<NewVersion>, List<WriteOutcome>> write, int batchSize, Consumer<Outcome> sink) {
        this.write = write;
        this.batchSize = batchSize;
        this.sink = sink;
        this.batch = new ArrayList<>(batchSize);
    }

    void accept(Checked checked) {
        if (checked.rejection() != null) {
            sink.accept(checked.rejection());
            return;
        }
        batch.add(checked.pending());
        if (batch.size() >= batchSize) flush();
    }

    /** Stores what is left; call once at the end of the input. */
    void flush() {
        if (batch.isEmpty()) return;
        List<WriteOutcome> written = write.apply(batch.stream().map(Pending::version).toList());
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            Outcome.Kind kind = written.get(i) == WriteOutcome.ADDED ? Outcome.Kind.ADDED : Outcome.Kind.UNCHANGED;
            sink.accept(new Outcome(pending.index(), pending.version().id(), pending.versionText(), kind, null));
        }
        batch.clear();
    }
}
