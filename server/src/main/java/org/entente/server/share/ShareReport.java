package org.entente.server.share;

import java.util.List;
import java.util.Optional;

/**
 * What a share did: the envelopes signed, how many objects they carry, the peers each was queued for,
 * and the objects refused with their reasons.
 */
public record ShareReport(List<String> envelopes, int objects, List<String> peers, List<Refusal> refused) {
    /** One object refused: its position among the objects handed to the share, and why. */
    public record Refusal(int index, String reason) {}

    public ShareReport {
        refused = List.copyOf(refused);
    }

    /** The reasons of the refusals, in the order of the objects refused. */
    public List<String> rejected() {
        return refused.stream().map(Refusal::reason).toList();
    }

    /** Why the object at this position was refused, or empty when it was shared. */
    public Optional<String> refusalOf(int index) {
        return refused.stream().filter(r -> r.index() == index).map(Refusal::reason).findFirst();
    }
}
