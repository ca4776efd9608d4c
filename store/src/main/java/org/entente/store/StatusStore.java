package org.entente.store;

import java.util.Optional;

/** Status resources of TAXII POSTs (TAXII 2.1 section 4.3). */
public interface StatusStore {
    void save(StatusRecord status);

    Optional<StatusRecord> find(String id);
}
