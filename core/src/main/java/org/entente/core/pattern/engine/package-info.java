/**
 * The compiled matching engine: many STIX indicators matched against each observation at once, without
 * looping over the indicators. {@link org.entente.core.pattern.engine.IndicatorEngine} is the entry point;
 * {@link org.entente.core.pattern.engine.Indicator} is what it holds and
 * {@link org.entente.core.pattern.engine.MatchOutcome} what it answers.
 *
 * <h2>What a match means</h2>
 * An indicator matches a window of observations (one observation being a window of one) exactly when
 * {@link org.entente.core.pattern.PatternMatcher} matches its pattern, rewritten as below, against the window's
 * observations that overlap the indicator's validity, each with its objects normalised as below. The property
 * tests ({@code IndicatorEngineProperties}) check this on random patterns and observations.
 * <ul>
 * <li><b>Normalised equality.</b> On the paths that hold an observable ({@code domain-name:value},
 *     {@code url:value}, {@code email-addr:value}, {@code ipv4-addr:value}, {@code ipv6-addr:value},
 *     {@code file:hashes.'ALGORITHM'}, and the phone, IBAN, card and wallet properties of the Entente and
 *     OpenCTI fraud SCOs), {@code =}, {@code !=} and {@code IN} compare canonical forms
 *     ({@link org.entente.core.observable.Normaliser}): {@code 'Example.COM.'} equals {@code example.com}, and
 *     an upper-case digest equals its lower-case form. Observed objects are normalised the same way, and
 *     {@code hashes} keys are read in any spelling of a known algorithm ({@code sha256}, {@code SHA-256}). A
 *     value the normaliser refuses is compared as written. Other operators (LIKE, MATCHES, ordering) then see
 *     canonical observed values; constants of comparisons through references
 *     ({@code email-message:from_ref.value}) are not rewritten, since the referenced type is not known from the
 *     path.</li>
 * <li><b>Address blocks.</b> On {@code ipv4-addr:value} and {@code ipv6-addr:value}, {@code = 'block'} means
 *     "inside the block" ({@code ISSUBSET}): {@code [ipv4-addr:value = '10.0.0.0/8']} matches
 *     {@code 10.1.2.3} and {@code 10.1.0.0/16}; a bare address is the block of itself.</li>
 * <li><b>Validity.</b> An indicator is valid in [{@code valid_from}, {@code valid_until}); an observation counts
 *     for it when its interval [{@code first_observed}, {@code last_observed}] overlaps that (the observation
 *     may have begun before {@code valid_from} if it lasted until then). Times compare at microsecond
 *     resolution. A revoked indicator is removed; putting an indicator replaces the version held.</li>
 * </ul>
 *
 * <h2>How it is indexed</h2>
 * <ul>
 * <li><b>Index terms</b>: {@code path = constant} and {@code path IN (…)} without NOT, with string or number
 *     constants, and {@code ISSUBSET} (or {@code =}) on the IP value paths; the path reaches its value through
 *     properties, list indexes and {@code [*]} (no {@code _ref}/{@code _refs}, no {@code _hex}/{@code _bin}).
 *     Text terms are hash keys (two 64-bit hashes of path, kind and canonical value, in one open-addressing
 *     table, no key text kept); address blocks are keys per prefix length, and an observed address is looked
 *     up under each prefix length in use on its path. A single IPv4 address (/32) is keyed by its canonical
 *     dotted quad as text, so that an observed IPv4 value of digits and dots (a canonical quad, or text the
 *     normaliser refuses and that is compared as written) is looked up by its text as it stands.</li>
 * <li><b>Decided by a key</b>: a pattern made only of index terms joined by OR (inside brackets and between
 *     them), without qualifiers, matches exactly when one of its keys is hit by a valid observation. The common
 *     single-equality indicator costs no objects at all: a slot in primitive arrays (id as two longs, validity,
 *     key) and one table entry, about 100 bytes of heap at 10M indicators.</li>
 * <li><b>Confirmed after a key</b>: any other pattern with a set of keys one of which every match must hit
 *     (AND takes the smaller set of its sides, OR the union, a qualifier keeps its operand's) is a candidate
 *     when one is hit, and is then decided by {@code PatternMatcher} on the window.</li>
 * <li><b>Unindexed</b>: a pattern without such a set (only MATCHES, LIKE, ranges, NOT, EXISTS, or terms
 *     through references) is decided by {@code PatternMatcher} for every observation holding an object of a
 *     type the pattern compares, and for no other.</li>
 * <li><b>Value streams</b>: on a type whose indicators are all decided by one key, {@code matchValue} answers
 *     from the index alone when the value is already canonical (checked by character classes, without the
 *     normaliser): a miss from the table's filter of first hashes (a blocked Bloom filter, a byte per bucket) or from
 *     the first hashes themselves; a hit from the key's entries, its
 *     id written out as text only when read. {@code matchValues} takes events in groups and does each step of
 *     that for a whole group before the next, so that their cache misses overlap (a miss into a table of a
 *     million keys is most of what an event costs). Any other value or type takes the general path, which
 *     answers the same.</li>
 * </ul>
 * The {@code match} methods only read; {@code put} and {@code remove} change the index in place (no rebuild)
 * and need exclusive access. No I/O happens here.
 */
package org.entente.core.pattern.engine;
