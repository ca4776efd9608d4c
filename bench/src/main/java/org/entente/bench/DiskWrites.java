package org.entente.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes this process has caused to be written to storage ({@code write_bytes} of Linux's {@code /proc/self/io}),
 * counted when they reach the block layer, page-cache write-back included. Unlike wall time it does not move
 * with the load of a shared machine, so it shows what a change to the store's write pattern saves.
 */
final class DiskWrites {
    private static final Path IO = Path.of("/proc/self/io");

    private DiskWrites() {}

    /** The bytes written so far, or -1 where the kernel does not tell (not Linux). */
    static long bytes() {
        try {
            for (String line : Files.readAllLines(IO)) {
                if (line.startsWith("write_bytes:")) return Long.parseLong(line.substring("write_bytes:".length()).trim());
            }
        } catch (IOException | RuntimeException e) {
            // fall through: not available here
        }
        return -1;
    }

    static String perObject(String when, long start, long end, long objects) {
        long written = end - start;
        if (start < 0 || end < 0) return "disk writes " + when + ": not available on this system";
        return String.format("disk writes %s: %,.0f MiB = %,.1f KiB per object", when, written / 1048576.0,
                written / 1024.0 / objects);
    }
}
