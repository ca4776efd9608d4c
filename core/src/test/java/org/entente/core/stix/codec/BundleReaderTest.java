package org.entente.core.stix.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.entente.core.stix.StixValidator;
import org.junit.jupiter.api.Test;

class BundleReaderTest {
    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<BundleReader.Element> readAll(String json) {
        List<BundleReader.Element> elements = new ArrayList<>();
        try (BundleReader reader = StixJson.openBundle(stream(json))) {
            for (Optional<BundleReader.Element> e = reader.next(); e.isPresent(); e = reader.next()) elements.add(e.get());
        }
        return elements;
    }

    @Test
    void aBundleIsReadObjectByObjectWithItsId() {
        String json = "{\"type\":\"bundle\",\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\"objects\":["
                + "{\"type\":\"url\",\"value\":\"https://a\"},{\"type\":\"url\",\"value\":\"https://b\"}]}";
        try (BundleReader reader = StixJson.openBundle(stream(json))) {
            assertThat(reader.next()).get().satisfies(e -> assertThat(e.object().string("value")).contains("https://a"));
            assertThat(reader.bundleId()).contains("bundle--44af6c39-c09b-49c5-9de2-394224b04982");
            assertThat(reader.next()).get().satisfies(e -> assertThat(e.index()).isEqualTo(1));
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void aStix20BundleTellsItsSpecVersionSoItsObjectsAreValidatedAs20() {
        String json = "{\"type\":\"bundle\",\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\"spec_version\":\"2.0\","
                + "\"objects\":[{\"type\":\"malware\",\"id\":\"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b\","
                + "\"created\":\"2016-04-06T20:03:48Z\",\"modified\":\"2016-04-06T20:03:48Z\",\"name\":\"x\",\"labels\":[\"worm\"]}]}";
        try (BundleReader reader = StixJson.openBundle(stream(json))) {
            BundleReader.Element element = reader.next().orElseThrow();
            assertThat(reader.specVersion()).contains("2.0");
            assertThat(StixValidator.stix21().validate(element.object(), reader.specVersion().orElse(null))).isEmpty();
        }
    }

    @Test
    void aTaxiiEnvelopeAndAPlainArrayAreReadToo() {
        assertThat(readAll("{\"more\":false,\"objects\":[{\"type\":\"url\"}]}")).hasSize(1);
        assertThat(readAll("[{\"type\":\"url\"},{\"type\":\"url\"}]")).hasSize(2);
        assertThat(readAll("{\"type\":\"bundle\",\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\"}")).isEmpty();
    }

    @Test
    void anElementThatIsNotAnObjectIsReportedWithItsIndexAndReadingGoesOn() {
        List<BundleReader.Element> elements = readAll("{\"objects\":[{\"type\":\"url\"},\"oops\",{\"type\":\"url\"}]}");
        assertThat(elements).hasSize(3);
        assertThat(elements.get(1).ok()).isFalse();
        assertThat(elements.get(1).index()).isEqualTo(1);
        assertThat(elements.get(1).error()).isEqualTo("objects[1] is not a JSON object but a string");
        assertThat(elements.get(2).ok()).isTrue();
    }

    @Test
    void malformedJsonInsideTheBundleEndsTheStreamWithLineAndColumn() {
        String json = "{\"objects\":[\n{\"type\":\"url\"},\n{\"type\": }\n]}";
        try (BundleReader reader = StixJson.openBundle(stream(json))) {
            assertThat(reader.next()).isPresent();
            assertThatThrownBy(reader::next).isInstanceOfSatisfying(StixParseException.class,
                    e -> assertThat(e.line()).isEqualTo(3));
            assertThat(reader.next()).isEmpty();
        }
    }

    @Test
    void duplicateKeysInAnObjectAreRejected() {
        assertThatThrownBy(() -> readAll("{\"objects\":[{\"type\":\"url\",\"type\":\"file\"}]}"))
                .isInstanceOf(StixParseException.class).hasMessageContaining("Duplicate");
    }

    @Test
    void trailingGarbageAfterTheBundleIsReported() {
        assertThatThrownBy(() -> readAll("{\"objects\":[{\"type\":\"url\"}]} garbage"))
                .isInstanceOf(StixParseException.class);
        assertThatThrownBy(() -> readAll("{\"objects\":[{\"type\":\"url\"}]} {\"objects\":[]}"))
                .isInstanceOf(StixParseException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> readAll("{\"type\":\"bundle\",\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\"} []"))
                .isInstanceOf(StixParseException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> readAll("[{\"type\":\"url\"}] []"))
                .isInstanceOf(StixParseException.class).hasMessageContaining("trailing");
    }

    @Test
    void aSingleObjectMustBeWrappedInABundle() {
        assertThatThrownBy(() -> readAll("{\"type\":\"indicator\",\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"}"))
                .isInstanceOf(StixParseException.class).hasMessageContaining("bundle");
    }

    @Test
    void eachObjectComesWithItsJsonTextAsReadWithoutWhitespaceBetweenTokens() {
        String first = "{\"type\":\"note\",\"content\":\"two  spaces,\\n a \\\" quote and \u00e9\",\"n\":1.50E+2}";
        String bundle = "{\n  \"type\": \"bundle\",\n  \"objects\": [\n    " + first + ",\n"
                + "    {\n      \"type\" : \"url\",\r\n\t\"value\": \"https://a b\",\n      \"x\": [ 1, { } ]\n    }\n  ]\n}";
        List<BundleReader.Element> elements = readAll(bundle);
        assertThat(elements).extracting(BundleReader.Element::json)
                .containsExactly(first, "{\"type\":\"url\",\"value\":\"https://a b\",\"x\":[1,{}]}");
        assertThat(StixJson.readObject(elements.get(0).json().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(elements.get(0).object());
    }

    @Test
    void aLargeObjectKeepsItsWholeTextAcrossTheReadersBuffers() {
        String large = "{\"type\":\"note\",\"content\":\"" + "x".repeat(200_000) + "\"}";
        String small = "{\"type\":\"url\"}";
        List<BundleReader.Element> elements = readAll("[" + small + "," + large + "," + small + "]");
        assertThat(elements).extracting(BundleReader.Element::json).containsExactly(small, large, small);
    }

    @Test
    void containerPropertiesAroundTheObjectsDoNotDisturbTheirText() {
        String filler = "\"" + "y".repeat(100_000) + "\"";
        String object = "{\"type\":\"url\",\"value\":\"https://a\"}";
        List<BundleReader.Element> elements = readAll("{\"type\":\"bundle\",\"x_before\":" + filler
                + ",\"objects\":[" + object + ",\"not an object\"," + object + "],\"x_after\":" + filler + "}");
        assertThat(elements).extracting(BundleReader.Element::json).containsExactly(object, null, object);
    }

    @Test
    void aLargeGeneratedBundleStreamsThroughWithoutBeingHeldInMemory() {
        int count = 200_000;
        InputStream bundle = new SequenceInputStream(new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next <= count;
            }

            @Override
            public InputStream nextElement() {
                int i = next++;
                if (i < 0) return stream("{\"type\":\"bundle\",\"id\":\"bundle--44af6c39-c09b-49c5-9de2-394224b04982\",\"objects\":[");
                if (i == count) return stream("]}");
                return stream((i == 0 ? "" : ",") + "{\"type\":\"domain-name\",\"spec_version\":\"2.1\",\"id\":\"domain-name--"
                        + new java.util.UUID(0x1234L << 16 | 0x4000L, 0x8000000000000000L | i) + "\",\"value\":\"host" + i + ".example\"}");
            }
        });
        long read = 0;
        long errors = 0;
        try (BundleReader reader = StixJson.openBundle(bundle)) {
            for (Optional<BundleReader.Element> e = reader.next(); e.isPresent(); e = reader.next()) {
                read++;
                assertThat(e.get().json()).endsWith("host" + (read - 1) + ".example\"}");
                if (read % 20_000 == 0) {
                    errors += StixValidator.stix21().validate(e.get().object()).stream().filter(v -> v.isError()).count();
                }
            }
        }
        assertThat(read).isEqualTo(count);
        assertThat(errors).isZero();
    }
}
