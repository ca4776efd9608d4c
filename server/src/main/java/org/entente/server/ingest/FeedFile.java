package org.entente.server.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.stix.codec.StixJson;

/**
 * The feeds of a node in {@code <data>/feeds.json}, readable by the owner only (it holds credentials),
 * replaced whole and atomically on every change, so a crash leaves either the old or the new list. A
 * cursor that lags behind after a crash only makes the next pull read a page again, which changes
 * nothing: versions are stored once.
 */
public final class FeedFile {
    private final Path file;

    public FeedFile(Path dataDir) {
        this.file = dataDir.resolve("feeds.json");
    }

    public synchronized List<Feed> list() {
        if (!Files.exists(file)) return List.of();
        try {
            Object tree = StixJson.readTree(Files.readAllBytes(file));
            List<Feed> feeds = new ArrayList<>();
            if (tree instanceof Map<?, ?> root && root.get("feeds") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> f) {
                        feeds.add(new Feed((String) f.get("name"), (String) f.get("url"), (String) f.get("authorization"),
                                ((Number) f.get("every_seconds")).intValue(), (String) f.get("cursor")));
                    }
                }
            }
            return feeds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public synchronized Optional<Feed> find(String name) {
        return list().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Adds a feed or replaces the one of the same name. */
    public synchronized void save(Feed feed) {
        List<Feed> feeds = new ArrayList<>(list());
        feeds.removeIf(f -> f.name().equals(feed.name()));
        feeds.add(feed);
        write(feeds);
    }

    public synchronized boolean remove(String name) {
        List<Feed> feeds = new ArrayList<>(list());
        boolean removed = feeds.removeIf(f -> f.name().equals(name));
        if (removed) write(feeds);
        return removed;
    }

    private void write(List<Feed> feeds) {
        List<Map<String, Object>> out = feeds.stream().map(f -> StixJson.object(
                "name", f.name(), "url", f.url(), "authorization", f.authorization(),
                "every_seconds", f.everySeconds(), "cursor", f.cursor())).toList();
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "feeds", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without permissions
            }
            Files.write(temp, StixJson.write(StixJson.object("feeds", out)));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
