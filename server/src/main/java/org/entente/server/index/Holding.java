package org.entente.server.index;

import java.time.Instant;
import java.util.Optional;
import org.entente.core.policy.MemberId;

/** One object that carries an observable, the member that saw it there, that member's country if known, and when. */
public record Holding(String objectId, String objectType, MemberId member, Optional<String> country, Instant seen) {}
