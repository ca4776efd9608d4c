package org.entente.store;

import java.util.Objects;
import java.util.Optional;
import org.entente.core.policy.MemberId;

/**
 * A user of this node; {@code passwordHash} is null for token-only users. Admins may do everything.
 * {@code member} binds the user to a member other than the node's own (a member hosted on this node):
 * such a user reads only what the sharing policy lets that member receive. Empty: the user acts for the
 * node's own member.
 */
public record Account(String name, String passwordHash, boolean admin, Optional<MemberId> member) {
    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(member, "member");
    }

    /** A user acting for the node's own member. */
    public Account(String name, String passwordHash, boolean admin) {
        this(name, passwordHash, admin, Optional.empty());
    }
}
