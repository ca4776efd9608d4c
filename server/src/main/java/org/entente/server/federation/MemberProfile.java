package org.entente.server.federation;

import org.entente.core.policy.Level;

/** Who a node acts for, given when its keys are first made: the rest of its member descriptor. */
public record MemberProfile(String name, String country, Level level, String sector) {
    public static final MemberProfile UNNAMED = new MemberProfile("Entente node", "EU", Level.STATE, "cyber");
}
