package org.entente.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit key of a text for the store's hash indexes: the first 8 bytes of the SHA-256 of its UTF-8 bytes. The
 * correlation observables are keyed by it, and object ids too ({@link ObjectIdHash} is this function).
 * Stable across JVMs and dialects; collisions are possible, so lookups also compare the text itself.
 */
final class KeyHash {
    /** One digest per thread: looking one up by name costs more than hashing a short text. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private KeyHash() {}

    static long of(String text) {
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }
}
