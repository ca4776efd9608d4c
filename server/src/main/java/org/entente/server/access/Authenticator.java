package org.entente.server.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.store.Account;
import org.entente.store.AccountStore;
import org.entente.store.Rights;

/**
 * Turns an {@code Authorization} header into a {@link Principal} (HTTP Basic with an Argon2id-hashed
 * password, or a bearer token) and answers what that principal may do with a collection.
 *
 * <p>Verified credentials and rights are remembered for a short time, keyed by a digest of the header,
 * so that a client sending many requests pays the slow password hash once, not on every request. A
 * changed password or right therefore takes effect within {@link #CACHE_TTL}.
 */
public final class Authenticator {
    static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private static final int CACHE_LIMIT = 10_000;

    private record Cached<T>(T value, Instant expires) {}

    private record RightsKey(String user, String collection) {}

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Map<String, Cached<Principal>> principals = new ConcurrentHashMap<>();
    private final Map<RightsKey, Cached<Rights>> rights = new ConcurrentHashMap<>();

    public Authenticator(AccountStore accounts, PasswordHasher hasher, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * The principal behind a header.
     *
     * @throws AuthenticationException when the header is missing, malformed or its credentials are wrong
     */
    public Principal authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new AuthenticationException("authentication required: send HTTP Basic credentials or a bearer token");
        }
        String key = Tokens.digest(authorization);
        Cached<Principal> cached = principals.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.value();
        }
        Principal principal = verify(authorization.strip());
        remember(principals, key, principal, now);
        return principal;
    }

    /** What the principal may do with a collection; admins may do everything. */
    public Rights rights(Principal principal, String collectionId) {
        if (principal.admin()) return Rights.READ_WRITE;
        RightsKey key = new RightsKey(principal.name(), collectionId);
        Cached<Rights> cached = rights.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.value();
        }
        Rights granted = accounts.rights(principal.name(), collectionId);
        remember(rights, key, granted, now);
        return granted;
    }

    private Principal verify(String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return accounts.findByTokenHash(Tokens.digest(credentials))
                    .map(Authenticator::principal)
                    .orElseThrow(() -> new AuthenticationException("unknown bearer token"));
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new AuthenticationException("malformed Basic credentials: not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) throw new AuthenticationException("malformed Basic credentials: no ':' between user and password");
            String user = decoded.substring(0, colon);
            String password = decoded.substring(colon + 1);
            Optional<Account> account = accounts.findUser(user);
            if (account.isEmpty() || !hasher.verify(password, account.get().passwordHash())) {
                throw new AuthenticationException("wrong user name or password");
            }
            return principal(account.get());
        }
        throw new AuthenticationException("unsupported authorization scheme '" + scheme + "': use Basic or Bearer");
    }

    private static Principal principal(Account account) {
        return new Principal(account.name(), account.admin(), account.member());
    }

    private <K, V> void remember(Map<K, Cached<V>> cache, K key, V value, Instant now) {
        if (cache.size() >= CACHE_LIMIT) cache.clear();
        cache.put(key, new Cached<>(value, now.plus(CACHE_TTL)));
    }
}
