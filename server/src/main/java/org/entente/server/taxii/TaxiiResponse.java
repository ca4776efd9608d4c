package org.entente.server.taxii;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;
import org.entente.store.Page;
import org.entente.store.StoredVersion;

/** Writes TAXII bodies: resources as JSON trees, envelopes straight from the stored JSON text. */
public final class TaxiiResponse {
    private TaxiiResponse() {}

    static void json(Context ctx, int status, Map<String, Object> body) {
        ctx.status(status).contentType(TaxiiMediaType.TAXII).result(StixJson.write(body));
    }

    /** The error message resource of section 3.6.1. */
    public static void error(Context ctx, int status, String title, String description) {
        json(ctx, status, StixJson.object(
                "title", title,
                "description", description,
                "http_status", Integer.toString(status)));
    }

    /** A rendered envelope with its X-TAXII-Date-Added headers (null when the page is empty). */
    record Envelope(byte[] body, String dateAddedFirst, String dateAddedLast) {}

    static void envelope(Context ctx, Page page) {
        send(ctx, render(page));
    }

    /**
     * The envelope of section 3.7. Stored objects are copied as they are, without parsing them again:
     * this is the hot path of every TAXII read, so each object is encoded once and copied once into a
     * body of the exact size.
     */
    static Envelope render(Page page) {
        List<StoredVersion> items = page.items();
        byte[] head = utf8("{\"more\":" + page.more()
                + (page.more() ? ",\"next\":\"" + page.nextSeq() + "\"" : "")
                + (items.isEmpty() ? "" : ",\"objects\":["));
        byte[] tail = utf8(items.isEmpty() ? "}" : "]}");
        byte[][] objects = new byte[items.size()][];
        int size = head.length + tail.length + Math.max(0, items.size() - 1);
        for (int i = 0; i < objects.length; i++) {
            objects[i] = utf8(items.get(i).json());
            size += objects[i].length;
        }
        byte[] body = new byte[size];
        int at = copy(head, body, 0);
        for (int i = 0; i < objects.length; i++) {
            if (i > 0) body[at++] = ',';
            at = copy(objects[i], body, at);
        }
        copy(tail, body, at);
        return new Envelope(body, dateAdded(page, 0), dateAdded(page, items.size() - 1));
    }

    static void send(Context ctx, Envelope envelope) {
        dateAddedHeaders(ctx, envelope.dateAddedFirst(), envelope.dateAddedLast());
        ctx.status(200).contentType(TaxiiMediaType.TAXII).result(envelope.body());
    }

    /** X-TAXII-Date-Added-First and -Last (section 3.3.2), when the page has items. */
    static void dateAddedHeaders(Context ctx, Page page) {
        dateAddedHeaders(ctx, dateAdded(page, 0), dateAdded(page, page.items().size() - 1));
    }

    private static void dateAddedHeaders(Context ctx, String first, String last) {
        if (first == null) return;
        ctx.header("X-TAXII-Date-Added-First", first);
        ctx.header("X-TAXII-Date-Added-Last", last);
    }

    /** The date_added of item {@code i} as TAXII shows it; null for an empty page. */
    private static String dateAdded(Page page, int i) {
        return page.items().isEmpty() ? null : TaxiiTime.dateAdded(page.items().get(i).dateAdded());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Copies all of {@code from} into {@code to} at {@code at}; returns the position after it. */
    private static int copy(byte[] from, byte[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }
}
