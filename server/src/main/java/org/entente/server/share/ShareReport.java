package org.entente.server.share;

import java.util.List;

/**
 * What a share did: the envelopes signed, how many objects they carry, the peers each was queued for,
 * and the objects refused with their reasons.
 */
public record ShareReport(List<String> envelopes, int objects, List<String> peers, List<String> rejected) {}
