package org.entente.server.federation;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.entente.federation.sync.FederationPaths;
import org.entente.federation.sync.codec.OutboxPageJson;
import org.entente.store.OutboxEntry;
import org.entente.store.OutboxStore;
import org.entente.store.Peer;

/**
 * {@code GET /federation/v1/outbox?after=SEQ&limit=N} ({@link FederationPaths#OUTBOX}): the envelopes queued
 * for the calling peer, which is identified by its pinned client certificate, so a caller only ever reads
 * its own queue. The queue was filtered by the policy when it was filled, so nothing is served that the
 * peer may not receive. A page is streamed as it is read, a few envelopes at a time, and stops at
 * {@code limit} entries or at {@link #PAGE_BYTES} (a single larger envelope still goes, alone). Asking
 * with {@code after=SEQ} confirms every entry up to {@code SEQ}: they leave the outbox as a confirmed push
 * does, so a peer both pushed to and pulling gets nothing twice that matters, and the lag shown for it is right.
 */
final class OutboxEndpoint {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Bytes of envelopes per page, past the first envelope. */
    static final long PAGE_BYTES = 8L << 20;
    /** Envelopes read from the store at a time: one may be over a megabyte. */
    private static final int READ_AHEAD = 4;

    /** A query parameter that is not what the endpoint takes. */
    static final class BadParameter extends RuntimeException {
        BadParameter(String message) {
            super(message);
        }
    }

    private final OutboxStore outbox;

    OutboxEndpoint(OutboxStore outbox) {
        this.outbox = outbox;
    }

    /** @throws BadParameter naming the parameter at fault, before anything is confirmed or written */
    void serve(Context ctx, Peer caller) throws IOException {
        long after = parameter(ctx, "after", 0, Long.MAX_VALUE, 0);
        int limit = (int) parameter(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        if (after > 0) outbox.deliveredThrough(caller.member(), after);
        ctx.status(200).contentType("application/json");
        OutputStream out = ctx.res().getOutputStream();
        out.write(OutboxPageJson.opening());
        long cursor = after;
        long bytes = 0;
        int count = 0;
        boolean full = false;
        while (count < limit && !full) {
            List<OutboxEntry> batch = outbox.after(caller.member(), cursor, Math.min(READ_AHEAD, limit - count));
            if (batch.isEmpty()) break;
            for (OutboxEntry entry : batch) {
                if (count > 0 && bytes + entry.envelope().length > PAGE_BYTES) {
                    full = true;
                    break;
                }
                out.write(OutboxPageJson.entry(count == 0, entry.seq(), entry.envelope()));
                bytes += entry.envelope().length;
                count++;
                cursor = entry.seq();
            }
        }
        boolean more = full || count == limit && !outbox.after(caller.member(), cursor, 1).isEmpty();
        out.write(OutboxPageJson.closing(cursor, more));
    }

    private static long parameter(Context ctx, String name, long min, long max, long absent) {
        String text = ctx.queryParam(name);
        if (text == null) return absent;
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadParameter(name + " must be an integer, not " + abbreviate(text));
        }
        if (value < min || value > max) throw new BadParameter(name + " must be from " + min + " to " + max + ", not " + value);
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? "\"" + text + "\"" : "\"" + text.substring(0, 40) + "…\"";
    }
}
