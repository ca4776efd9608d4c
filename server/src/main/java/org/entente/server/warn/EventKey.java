package org.entente.server.warn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.entente.core.stix.UuidV5;
import org.entente.server.detect.Detection;

/**
 * What makes two warnings one event, whichever node raised them: the rule, the detection's subject (an
 * indicator id or a normalised observable, the same on every node), whether it is an exercise, and the hour
 * the detection fell in.
 *
 * <p>The rule of one warning per event: a warning's id is derived from its key (UUIDv5 in {@link #NAMESPACE}),
 * so the same event detected on two nodes in the same hour gets the same id everywhere; and a node raises
 * no warning, its own or one received from a peer, when it already holds one for the same rule, subject and
 * exercise flag in the same hour or the hour before or after. Two detections less than an hour apart are
 * therefore always one event (they fall in the same or adjacent hours); detections two hours or more apart
 * never are. An origin that raises its own warning from a sighting returned to it, and receives the
 * observer's warning for that sighting, shows its subscribers whichever came first, once.
 */
record EventKey(String rule, String subject, boolean exercise, Instant hour) {
    /** The namespace of warning ids derived from event keys. */
    static final UUID NAMESPACE = UUID.fromString("6a1b3c1e-2f4d-5e6a-8b7c-9d0e1f2a3b4c");
    static final Duration BUCKET = Duration.ofHours(1);

    public EventKey {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(hour, "hour");
        if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) throw new IllegalArgumentException("an event's hour starts on the hour, not at " + hour);
    }

    /** The key of the warning a rule raises for a detection. */
    static EventKey of(String rule, Detection detection) {
        return new EventKey(rule, detection.subject(), detection.exercise(), detection.detected().truncatedTo(ChronoUnit.HOURS));
    }

    /** The id of the warning for this event raised in this hour. */
    public String warningId() {
        String name = rule + '\n' + (exercise ? "exercise" : "actual") + '\n' + hour + '\n' + subject;
        return UuidV5.of(NAMESPACE, name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The ids under which a warning for the same event may already be held: this hour's, the one before and after. */
    public List<String> sameEventIds() {
        return List.of(warningId(), at(hour.minus(BUCKET)).warningId(), at(hour.plus(BUCKET)).warningId());
    }

    private EventKey at(Instant otherHour) {
        return new EventKey(rule, subject, exercise, otherHour);
    }
}
