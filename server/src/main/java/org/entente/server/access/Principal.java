package org.entente.server.access;

import java.util.Objects;
import java.util.Optional;
import org.entente.core.policy.MemberId;

/**
 * Who is making a request, once authenticated. {@code member} is the member the user acts for when it
 * is not the node's own (a member hosted on this node); empty for the node's own people.
 */
public record Principal(String name, boolean admin, Optional<MemberId> member) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(member, "member");
    }

    public Principal(String name, boolean admin) {
        this(name, admin, Optional.empty());
    }
}
