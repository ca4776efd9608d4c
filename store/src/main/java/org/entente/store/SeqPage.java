package org.entente.store;

import java.util.List;

/**
 * One page of {@link ObjectStore#versionsAfterSeq}: the versions found, in seq order, and {@code readTo}, the
 * seq to continue after. Every version asked for with a seq at most {@code readTo} is in this page or an
 * earlier one; {@code readTo} may lie past the last version found (the versions between were of other types),
 * so a reader that asks for a few types does not scan the others again. {@code more} says whether a further
 * page may hold versions stored already.
 */
public record SeqPage(List<VersionInCollection> versions, long readTo, boolean more) {
    public SeqPage {
        versions = List.copyOf(versions);
    }
}
