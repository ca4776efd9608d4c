package org.entente.store;

import java.util.List;
import java.util.Optional;

/**
 * Users, their credentials and their rights per collection. Secrets are stored only as the hashes the
 * caller computes (a slow hash for passwords, SHA-256 for high-entropy tokens).
 */
public interface AccountStore {
    /** Creates or replaces a user. */
    void saveUser(Account account);

    Optional<Account> findUser(String name);

    List<Account> listUsers();

    /** Binds a token hash to a user. */
    void addToken(String tokenHash, String userName, String label);

    Optional<Account> findByTokenHash(String tokenHash);

    /** Sets a user's rights on a collection (both false removes them). */
    void grant(String userName, String collectionId, boolean read, boolean write);

    /** The user's rights on a collection; none when nothing was granted. */
    Rights rights(String userName, String collectionId);
}
