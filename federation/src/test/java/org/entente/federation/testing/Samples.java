package org.entente.federation.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.core.policy.Grading;
import org.entente.core.policy.HandlingCode;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.federation.envelope.EnvelopeMarkings;

/** Sample content for envelopes. */
public final class Samples {
    private Samples() {}

    public static StixObject indicator() {
        return StixObject.of(
                "type", "indicator",
                "spec_version", "2.1",
                "id", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "created", "2026-03-01T09:00:00.000Z",
                "modified", "2026-03-01T09:00:00.000Z",
                "name", "Fraud call-centre number",
                "pattern", "[x-phone-number:value = '+49301234567']",
                "pattern_type", "stix",
                "valid_from", "2026-03-01T09:00:00Z",
                "confidence", 85,
                "labels", List.of("fraud", "vishing"),
                "x_entente_score", new java.math.BigDecimal("0.75"),
                "external_references", List.of(Map.of("source_name", "cert-de", "external_id", "CERT-2026-0042")));
    }

    public static StixObject sighting() {
        return StixObject.of(
                "type", "sighting",
                "spec_version", "2.1",
                "id", "sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
                "created", "2026-03-01T09:30:00.000Z",
                "modified", "2026-03-01T09:30:00.000Z",
                "sighting_of_ref", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                "count", 3);
    }

    public static List<StixObject> batch() {
        return List.of(indicator(), sighting());
    }

    public static EnvelopeMarkings amberFraud() {
        return new EnvelopeMarkings(Tlp.AMBER, "fraud", Optional.of(HandlingCode.H1), Optional.of(Grading.parse("B2")));
    }
}
