package org.entente.server.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a byte stream line by line ({@code \n} or {@code \r\n}) without ever holding more than one line: a
 * line longer than {@code maxLine} bytes is skipped to its end and reported as too long, and reading stops
 * once {@code maxBytes} have been read, so a client cannot make the node buffer a whole request.
 */
public final class BoundedLines {
    private final InputStream in;
    private final int maxLine;
    private final long maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long read;
    private long number;
    private boolean overLimit;

    public BoundedLines(InputStream in, int maxLine, long maxBytes) {
        this.in = in;
        this.maxLine = maxLine;
        this.maxBytes = maxBytes;
    }

    /** One line: its number (from 1), its bytes without the line end, and whether it was cut for being too long. */
    public record Line(long number, byte[] bytes, boolean tooLong) {}

    /** The next line, or null at the end of the stream or once the byte limit is passed. */
    public Line next() throws IOException {
        byte[] line = new byte[Math.min(256, maxLine)];
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) return null;
                break;
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') break;
            if (tooLong) continue;
            if (length == maxLine) {
                tooLong = true;
                continue;
            }
            if (length == line.length) line = Arrays.copyOf(line, Math.min(maxLine, line.length * 2));
            line[length++] = b;
        }
        if (length > 0 && line[length - 1] == '\r' && !tooLong) length--;
        return new Line(++number, tooLong ? new byte[0] : Arrays.copyOf(line, length), tooLong);
    }

    /** Whether reading stopped because the stream was longer than the byte limit. */
    public boolean overLimit() {
        return overLimit;
    }

    private boolean fill() throws IOException {
        if (read >= maxBytes) {
            overLimit = in.read() >= 0;
            return false;
        }
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - read));
        if (n <= 0) return false;
        read += n;
        position = 0;
        limit = n;
        return true;
    }
}
