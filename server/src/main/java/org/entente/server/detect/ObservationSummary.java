package org.entente.server.detect;

import java.util.List;

/**
 * What an observation stream came to: lines read (blank lines included), lines that matched at least one
 * indicator, lines refused, the first refusals with their line numbers, the sightings stored, and whether
 * reading stopped at the size limit (the lines after it were not read).
 */
public record ObservationSummary(long lines, long matched, long rejected, List<LineError> errors, List<String> sightings,
                                 boolean truncated) {
    public ObservationSummary {
        errors = List.copyOf(errors);
        sightings = List.copyOf(sightings);
    }

    /** A refused line and what is wrong with it. */
    public record LineError(long line, String problem) {}
}
