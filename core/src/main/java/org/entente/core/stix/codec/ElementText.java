package org.entente.core.stix.codec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The input of a {@link BundleReader}, keeping the bytes read since the start of the current element so
 * that the element's own JSON text can be taken out once it is parsed: storing that text saves writing
 * the parsed object back to JSON. Holds at most one element plus one block the parser read ahead; outside
 * an element (the container's other properties) only the last block read, where the next element may
 * start.
 */
final class ElementText extends InputStream {
    private final InputStream in;
    private byte[] kept = new byte[1 << 16];
    /** Offset in the stream of {@code kept[0]}. */
    private long keptFrom;
    private int keptLength;
    /** True from the start of an element until its text is taken. */
    private boolean inElement;

    ElementText(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = in.read(buffer, offset, length);
        if (count > 0) {
            if (!inElement) {
                keptFrom += keptLength;
                keptLength = 0;
            }
            if (keptLength + count > kept.length) kept = Arrays.copyOf(kept, Math.max(2 * kept.length, keptLength + count));
            System.arraycopy(buffer, offset, kept, keptLength, count);
            keptLength += count;
        }
        return count;
    }

    /** Forgets the bytes before this stream offset: an element starts there. */
    void startAt(long offset) {
        inElement = true;
        int drop = (int) Math.min(keptLength, Math.max(0, offset - keptFrom));
        System.arraycopy(kept, drop, kept, 0, keptLength - drop);
        keptLength -= drop;
        keptFrom += drop;
    }

    /**
     * The JSON text between two stream offsets (from at or after the last {@link #startAt}), without the
     * whitespace between tokens (RFC 8259 section 2), so that a pretty-printed file is stored as compactly as
     * a serialised object; null when those bytes are no longer kept.
     */
    String text(long from, long to) {
        if (from < keptFrom || to > keptFrom + keptLength || from > to) return null;
        int start = (int) (from - keptFrom);
        int end = (int) (to - keptFrom);
        byte[] compact = new byte[end - start];
        int length = 0;
        boolean inString = false;
        for (int i = start; i < end; i++) {
            byte b = kept[i];
            if (inString) {
                if (b == '\\') {
                    // An escaped character, copied with its backslash (it may be a quote).
                    compact[length++] = b;
                    b = kept[++i];
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                continue;
            } else if (b == '"') {
                inString = true;
            }
            compact[length++] = b;
        }
        return new String(compact, 0, length, StandardCharsets.UTF_8);
    }

    /** The current element is read: until the next one starts, only the last block read is kept. */
    void endElement() {
        inElement = false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
