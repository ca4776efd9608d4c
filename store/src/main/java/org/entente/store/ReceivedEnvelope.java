package org.entente.store;

import java.time.Instant;
import org.entente.core.policy.MemberId;

/** An envelope as it arrived, byte for byte, with who sent it and when. */
public record ReceivedEnvelope(String envelopeId, MemberId origin, MemberId sender, Instant received, byte[] raw) {}
