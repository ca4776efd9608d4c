package org.entente.core.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A member organisation: its global id, a display name, its country (ISO 3166-1 alpha-2), the level it acts
 * at and its sector ({@code cyber}, {@code finance}, {@code law-enforcement}, {@code civil-protection},
 * {@code health}, {@code maritime}, …).
 */
public record Member(MemberId id, String name, String country, Level level, String sector) {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern SECTOR = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as DE, not '" + country + "'");
        }
        if (sector == null || !SECTOR.matcher(sector).matches()) {
            throw new IllegalArgumentException("sector must be a lowercase word such as cyber or civil-protection, not '" + sector + "'");
        }
    }
}
