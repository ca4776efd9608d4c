package org.entente.server.cli;

import org.entente.core.policy.Level;
import org.entente.server.federation.MemberProfile;
import picocli.CommandLine.Option;

/** The member a node acts for, used when its keys are first made; ignored once they exist. */
final class MemberOptions {
    @Option(names = "--member-name", defaultValue = "Entente node", description = "Name of the member organisation.")
    String name;

    @Option(names = "--country", defaultValue = "EU", description = "ISO 3166-1 alpha-2 country code.")
    String country;

    @Option(names = "--level", defaultValue = "state", description = "state, ministerial or sectoral.")
    String level;

    @Option(names = "--sector", defaultValue = "cyber", description = "cyber, finance, law-enforcement, civil-protection, health, maritime, …")
    String sector;

    MemberProfile profile() {
        Level parsed;
        try {
            parsed = Level.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--level must be state, ministerial or sectoral, not '" + level + "'");
        }
        return new MemberProfile(name, country, parsed, sector);
    }
}
