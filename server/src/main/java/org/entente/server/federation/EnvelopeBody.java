package org.entente.server.federation;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads an envelope's request body into one array of its declared length. Javalin's {@code bodyAsBytes}
 * grows a buffer by doubling and copies it once more at the end: for a megabyte-sized envelope that is
 * several large arrays per request, which were a fifth of what the receiver allocated while syncing
 * (docs/PERFORMANCE.md, "6 after branch receive-lean"). A body without a declared length (chunked) is read
 * as before.
 */
final class EnvelopeBody {
    private EnvelopeBody() {}

    /** The body, or empty when its declared length is over {@code maxBytes} (without one, Javalin applies its limit). */
    static Optional<byte[]> read(Context ctx, long maxBytes) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) return Optional.empty();
        if (declared < 0 || declared > Integer.MAX_VALUE - 8) return Optional.of(ctx.bodyAsBytes());
        // Straight into the array (readNBytes(int) would gather chunks and copy them again). The stream is
        // the container's: it is not closed here.
        InputStream in = ctx.req().getInputStream();
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        // Fewer bytes than declared: the connection ended early, and the request is not whole.
        if (read < body.length) throw new IOException("the body ended after " + read + " of its " + declared + " bytes");
        return Optional.of(body);
    }
}
