package org.entente.store;

/**
 * A page of the object store as the correlation indexer read it: the versions with a seq in
 * ({@code afterSeq}, {@code lastSeq}], {@code versions} of them, read while the index's position was
 * {@code afterSeq}. {@link CorrelationStore#indexPage} writes the page's batch only if both still hold.
 */
public record IndexedPage(long afterSeq, long lastSeq, int versions) {
    public IndexedPage {
        if (lastSeq < afterSeq) throw new IllegalArgumentException("a page ends after it starts: " + afterSeq + " > " + lastSeq);
        if (versions < 0) throw new IllegalArgumentException("versions must not be negative, not " + versions);
    }
}
