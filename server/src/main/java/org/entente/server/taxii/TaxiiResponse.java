package org.entente.server.taxii;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
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

    /**
     * The envelope of section 3.7. Stored objects are copied as they are, without parsing them again:
     * this is the hot path of every TAXII read.
     */
    static void envelope(Context ctx, Page page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + page.items().size() * 512);
        write(out, "{\"more\":" + page.more());
        if (page.more()) write(out, ",\"next\":\"" + page.nextSeq() + "\"");
        if (!page.items().isEmpty()) {
            write(out, ",\"objects\":[");
            List<StoredVersion> items = page.items();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) out.write(',');
                write(out, items.get(i).json());
            }
            out.write(']');
        }
        out.write('}');
        dateAddedHeaders(ctx, page);
        ctx.status(200).contentType(TaxiiMediaType.TAXII).result(out.toByteArray());
    }

    /** X-TAXII-Date-Added-First and -Last (section 3.3.2), when the page has items. */
    static void dateAddedHeaders(Context ctx, Page page) {
        if (page.items().isEmpty()) return;
        ctx.header("X-TAXII-Date-Added-First", TaxiiTime.dateAdded(page.items().get(0).dateAdded()));
        ctx.header("X-TAXII-Date-Added-Last",
                TaxiiTime.dateAdded(page.items().get(page.items().size() - 1).dateAdded()));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
