package org.entente.core.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/** A sharing group under a charter; a bilateral channel is a community of two. */
public record Community(String name, Charter charter) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Community {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a community name is 1-64 lowercase letters, digits or '-', not '" + name + "'");
        }
        Objects.requireNonNull(charter, "charter");
    }

    public boolean hasMember(MemberId member) {
        return charter.members().contains(member);
    }
}
