package org.entente.core.stix.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.entente.core.stix.StixObject;
import org.junit.jupiter.api.Test;

class StixJsonTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> StixJson.readTree(utf8("{\n  \"type\": \"indicator\",\n  \"id\": \n}")))
                .isInstanceOfSatisfying(StixParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isPositive();
                    assertThat(e.getMessage()).startsWith("malformed JSON").contains("line 4, column");
                });
    }

    @Test
    void theElementsOfAnArrayMemberAreKeptAsTheDocumentWroteThem() {
        String first = "{\"type\": \"indicator\",  \"name\":\"é \\u00e9\"}";
        String second = "{\"type\":\"note\",\"n\":[1.50,{\"x\":2}]}";
        byte[] document = utf8("{\"id\":\"e\", \"objects\": [" + first + " ,\n" + second + ", 7], \"z\": {\"a\":1}}");

        StixJson.TreeWithElements read = StixJson.readTreeKeepingElements(document, "objects");

        assertThat(read.tree()).isEqualTo(StixJson.readTree(document));
        assertThat(read.elementTexts()).containsExactly(first, second, null);
    }

    @Test
    void aDocumentThatIsNotAnObjectOrNotJsonIsReadOrRefusedAsReadTreeDoes() {
        assertThat(StixJson.readTreeKeepingElements(utf8("[{\"a\":1}]"), "objects").elementTexts()).isEmpty();
        for (String bad : List.of("{\"objects\":[{}], \"objects\":[]}", "{\"objects\":[{}]} x", "{\"objects\":[{]}")) {
            assertThatThrownBy(() -> StixJson.readTreeKeepingElements(utf8(bad), "objects"))
                    .isInstanceOf(StixParseException.class)
                    .hasMessage(catchMessage(bad));
        }
    }

    private static String catchMessage(String document) {
        try {
            StixJson.readTree(utf8(document));
            return null;
        } catch (StixParseException e) {
            return e.getMessage();
        }
    }

    @Test
    void duplicateKeysAreRejectedBecauseReadersCouldDisagreeOnWhichWins() {
        assertThatThrownBy(() -> StixJson.readObject(utf8("{\"type\":\"indicator\",\"type\":\"malware\"}")))
                .isInstanceOf(StixParseException.class).hasMessageContaining("type").hasMessageContaining("line 1");
    }

    @Test
    void trailingGarbageAfterTheDocumentIsReported() {
        assertThatThrownBy(() -> StixJson.readTree(utf8("{\"type\":\"indicator\"} x")))
                .isInstanceOf(StixParseException.class);
        assertThatThrownBy(() -> StixJson.readTree(utf8("{\"type\":\"indicator\"} {}")))
                .isInstanceOf(StixParseException.class);
    }

    @Test
    void aDocumentThatIsNotAnObjectIsNotAStixObject() {
        assertThatThrownBy(() -> StixJson.readObject(utf8("[1, 2]")))
                .isInstanceOf(StixParseException.class).hasMessageContaining("not a JSON object but an array");
    }

    @Test
    void aPartialReadKeepsOnlyTheChosenPropertiesWithTheirFullValues() {
        StixObject partial = StixJson.readObject(utf8("""
                {"type":"sighting","id":"sighting--1","description":{"deep":[1,{"x":"y"}]},
                 "observed_data_refs":["observed-data--1","observed-data--2"],"count":3}"""),
                name -> name.equals("type") || name.endsWith("_refs"));

        assertThat(partial.properties()).containsOnlyKeys("type", "observed_data_refs");
        assertThat(partial.list("observed_data_refs")).containsExactly("observed-data--1", "observed-data--2");
    }

    @Test
    void aPartialReadKeepingEveryPropertyBuildsWhatAFullReadBuilds() {
        byte[] json = utf8("""
                {"type":"observed-data","id":"observed-data--1","number_observed":2,"confidence":1.5,"revoked":false,
                 "object_refs":["ipv4-addr--1",["nested",3,null]],"empty":[],"nothing":null,
                 "objects":{"0":{"type":"ipv4-addr","value":"198.51.100.7"}},"labels":["a\u00e9b"]}""");

        assertThat(StixJson.readObject(json, name -> true).properties()).isEqualTo(StixJson.readObject(json).properties());
    }

    @Test
    void aPartialReadStillRejectsWhatAFullReadRejects() {
        assertThatThrownBy(() -> StixJson.readObject(utf8("{\"type\":\"x\",\"skipped\":1,\"skipped\":2}"), "type"::equals))
                .isInstanceOf(StixParseException.class).hasMessageContaining("skipped");
        assertThatThrownBy(() -> StixJson.readObject(utf8("{\"type\":\"x\",\"skipped\":[1,}"), "type"::equals))
                .isInstanceOf(StixParseException.class);
        assertThatThrownBy(() -> StixJson.readObject(utf8("{\"type\":\"x\"} {}"), "type"::equals))
                .isInstanceOf(StixParseException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> StixJson.readObject(utf8("[1]"), "type"::equals))
                .isInstanceOf(StixParseException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void numbersKeepTheirExactValueAndIntegersStayIntegers() {
        Map<?, ?> tree = (Map<?, ?>) StixJson.readTree(utf8("{\"n\": 12345678901234567890, \"f\": 7.980693, \"e\": 1e400}"));
        assertThat(tree.get("n")).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(tree.get("f")).isEqualTo(new BigDecimal("7.980693"));
        assertThat(StixJson.readTree(StixJson.write(tree))).isEqualTo(tree);
    }

    @Test
    void anObjectRoundTripsWithUnknownPropertiesAndOrderKept() {
        String json = "{\"type\":\"x-acme-widget\",\"id\":\"x-acme-widget--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
                + "\"x_nested\":{\"b\":[true,null,\"\\u00e9\"],\"a\":1.50},\"extensions\":{\"x-acme-ext\":{\"k\":\"v\"}}}";
        StixObject object = StixJson.readObject(utf8(json));
        assertThat(StixJson.writeString(object)).isEqualTo(json.replace("\\u00e9", "é"));
        assertThat(List.copyOf(object.properties().keySet())).containsExactly("type", "id", "x_nested", "extensions");
    }

    @Test
    void canonicalJsonSortsKeysAndNormalisesNumbers() {
        Object tree = StixJson.readTree(utf8("{\"b\": 1.50, \"a\": [1e2, \"x\"]}"));
        assertThat(new String(StixJson.canonical(tree), StandardCharsets.UTF_8)).isEqualTo("{\"a\":[100,\"x\"],\"b\":1.5}");
    }
}
