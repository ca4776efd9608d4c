package org.entente.server.ingest;

import java.util.Objects;

/**
 * A TAXII 2.1 collection this node pulls from: a plain TAXII server, or a peer that cannot push. What it
 * pulls lands in the local collection {@code feed-<name>}; {@code cursor} is the last date_added read.
 * {@code authorization} is the {@code Authorization} header to send (a secret: feeds are kept owner-only).
 */
public record Feed(String name, String url, String authorization, int everySeconds, String cursor) {
    public Feed {
        Objects.requireNonNull(url, "url");
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("a feed name is 1-64 lowercase letters, digits or '-', not '" + name + "'");
        }
        if (everySeconds < 5) throw new IllegalArgumentException("a feed is pulled every 5 seconds at most often");
    }

    public String collectionAlias() {
        return "feed-" + name;
    }

    public Feed withCursor(String cursor) {
        return new Feed(name, url, authorization, everySeconds, cursor);
    }
}
