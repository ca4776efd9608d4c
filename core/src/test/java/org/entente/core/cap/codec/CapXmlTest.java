package org.entente.core.cap.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.entente.core.cap.Alert;
import org.entente.core.cap.Area;
import org.entente.core.cap.Category;
import org.entente.core.cap.Certainty;
import org.entente.core.cap.Info;
import org.entente.core.cap.InvalidCapException;
import org.entente.core.cap.MsgType;
import org.entente.core.cap.Parameter;
import org.entente.core.cap.Resource;
import org.entente.core.cap.ResponseType;
import org.entente.core.cap.Scope;
import org.entente.core.cap.Severity;
import org.entente.core.cap.Status;
import org.entente.core.cap.Urgency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CapXmlTest {
    private final CapXml xml = new CapXml();

    private static String resource(String name) {
        try (InputStream in = CapXmlTest.class.getResourceAsStream("/cap/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String MINIMAL = """
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>W-1</identifier>
              <sender>node@example</sender>
              <sent>2026-11-24T01:00:00-00:00</sent>
              <status>Exercise</status>
              <msgType>Alert</msgType>
              <scope>Restricted</scope>
              <restriction>community members</restriction>
              %s
            </alert>""";

    @Test
    void theHomelandSecurityExampleOfTheSpecificationReadsAsWritten() {
        Alert alert = xml.read(resource("a1-homeland-security.xml"));
        assertThat(alert.identifier()).isEqualTo("43b080713727");
        assertThat(alert.sent()).isEqualTo(OffsetDateTime.of(2003, 4, 2, 14, 39, 1, 0, ZoneOffset.ofHours(-5)));
        assertThat(alert.status()).isEqualTo(Status.Actual);
        assertThat(alert.scope()).isEqualTo(Scope.Public);
        Info info = alert.infos().get(0);
        assertThat(info.categories()).containsExactly(Category.Security);
        assertThat(info.severity()).isEqualTo(Severity.Severe);
        assertThat(info.certainty()).isEqualTo(Certainty.Likely);
        assertThat(info.parameters()).containsExactly(new Parameter("HSAS", "ORANGE"));
        assertThat(info.resources()).containsExactly(Resource.of("Image file (GIF)", "image/gif", "http://www.dhs.gov/dhspublic/getAdvisoryImage"));
        assertThat(info.areas()).containsExactly(Area.described("U.S. nationwide and interests worldwide"));
        assertThat(info.instruction()).startsWith("A High Condition");
    }

    @Test
    void theThunderstormExampleKeepsItsPolygonGeocodesAndExpiry() {
        Alert alert = xml.read(resource("a2-severe-thunderstorm.xml"));
        Info info = alert.infos().get(0);
        assertThat(info.responseTypes()).containsExactly(ResponseType.Shelter);
        assertThat(info.eventCodes()).containsExactly(new Parameter("SAME", "SVR"));
        assertThat(info.expires()).isEqualTo(OffsetDateTime.parse("2003-06-17T16:00:00-07:00"));
        Area area = info.areas().get(0);
        assertThat(area.polygons()).containsExactly("38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14");
        assertThat(area.geocodes()).extracting(Parameter::value).containsExactly("006109", "006009", "006003");
    }

    @Test
    void theEarthquakeUpdateRefersToTheMessageItUpdates() {
        Alert alert = xml.read(resource("a3-earthquake.xml"));
        assertThat(alert.msgType()).isEqualTo(MsgType.Update);
        assertThat(alert.references()).isEqualTo("trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00");
        assertThat(alert.infos().get(0).urgency()).isEqualTo(Urgency.Past);
        assertThat(alert.infos().get(0).parameters()).hasSize(5);
        assertThat(alert.infos().get(0).areas().get(0).circles()).containsExactly("32.9525,-115.5527 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a1-homeland-security.xml", "a2-severe-thunderstorm.xml", "a3-earthquake.xml"})
    void everySpecificationExampleSurvivesAWriteAndARead(String name) {
        Alert alert = xml.read(resource(name));
        assertThat(xml.read(xml.write(alert))).isEqualTo(alert);
    }

    @Test
    void anAlertWithEveryElementSurvivesARoundTrip() {
        Info info = new Info("de-DE", List.of(Category.Security, Category.Infra), "Cross-border fraud campaign",
                List.of(ResponseType.Monitor, ResponseType.Assess), Urgency.Expected, Severity.Moderate, Certainty.Possible,
                "fraud units", List.of(new Parameter("entente", "cluster")),
                OffsetDateTime.parse("2026-11-24T01:00:00+01:00"), OffsetDateTime.parse("2026-11-24T02:00:00+01:00"),
                OffsetDateTime.parse("2026-11-25T01:00:00+01:00"), "Entente node", "Headline & <more>", "Text\nwith lines",
                "Check your logs", "https://example.org/w", "duty officer",
                List.of(new Parameter("members", "3")),
                List.of(new Resource("report", "application/json", 120L, "https://example.org/r", null, "abc123")),
                List.of(new Area("Baltic", List.of("54,10 55,11 56,12 54,10"), List.of("54,10 5"),
                        List.of(new Parameter("ISO3166", "DE")), new BigDecimal("100"), new BigDecimal("2000.5"))));
        Alert alert = new Alert("id-1", "sender@example", OffsetDateTime.parse("2026-11-24T00:00:00Z"), Status.Exercise,
                MsgType.Update, "source", Scope.Restricted, "members of the community", null, List.of("CODE1", "CODE2"),
                "a note", "s,id-0,2026-11-23T00:00:00-00:00", "incident-1", List.of(info, info));
        String written = xml.writeString(alert);
        assertThat(written).contains("<sent>2026-11-24T00:00:00-00:00</sent>").contains("Headline &amp; &lt;more&gt;");
        assertThat(xml.read(written)).isEqualTo(alert);
    }

    @Test
    void aDocumentWithAnExternalEntityIsRefusedAndTheFileIsNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE alert [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&secret;</identifier></alert>""";
        assertThatThrownBy(() -> xml.read(xxe))
                .isInstanceOf(CapParseException.class)
                .hasMessageContaining("must not contain a DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void theBillionLaughsAreRefusedBeforeAnyExpansion() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            doc.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        doc.append("]>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&lol9;</identifier></alert>");
        assertThatThrownBy(() -> xml.read(doc.toString()))
                .isInstanceOf(CapParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anUndeclaredEntityReferenceIsMalformedXml() {
        assertThatThrownBy(() -> xml.read(MINIMAL.formatted("<note>&undeclared;</note>")))
                .isInstanceOf(CapParseException.class)
                .hasMessageContaining("undeclared");
    }

    @Test
    void aDocumentLargerThanTheBoundIsRefusedWithItsSize() {
        CapXml small = new CapXml(100);
        assertThatThrownBy(() -> small.read(MINIMAL.formatted("")))
                .hasMessageContaining("more than the 100 allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"identifier", "sender", "sent", "status", "msgType", "scope"})
    void aMissingRequiredAlertElementIsNamed(String element) {
        String doc = MINIMAL.formatted("").replaceAll("<" + element + ">[^<]*</" + element + ">", "");
        assertThatThrownBy(() -> xml.read(doc))
                .isInstanceOf(CapParseException.class)
                .hasMessageContaining("<" + element + ">");
    }

    @ParameterizedTest
    @ValueSource(strings = {"category", "event", "urgency", "severity", "certainty"})
    void aMissingRequiredInfoElementIsNamed(String element) {
        String info = """
                <info><category>Security</category><event>E</event><urgency>Immediate</urgency>
                <severity>Severe</severity><certainty>Likely</certainty></info>"""
                .replaceAll("<" + element + ">[^<]*</" + element + ">", "");
        assertThatThrownBy(() -> xml.read(MINIMAL.formatted(info)))
                .isInstanceOf(CapParseException.class)
                .hasMessageContaining("<" + element + ">");
    }

    @Test
    void aRestrictedAlertWithoutItsRestrictionIsRefused() {
        String doc = MINIMAL.formatted("").replace("<restriction>community members</restriction>", "");
        assertThatThrownBy(() -> xml.read(doc)).hasMessageContaining("<restriction> is required when <scope> is Restricted");
    }

    @Test
    void aTimeInZuluNotationIsRefusedAsTheSpecificationSays() {
        String doc = MINIMAL.formatted("").replace("2026-11-24T01:00:00-00:00", "2026-11-24T01:00:00Z");
        assertThatThrownBy(() -> xml.read(doc)).hasMessageContaining("<sent>").hasMessageContaining("not 'Z'");
    }

    @Test
    void anUnknownValueNamesTheAllowedOnes() {
        String doc = MINIMAL.formatted("").replace("<status>Exercise</status>", "<status>Drill</status>");
        assertThatThrownBy(() -> xml.read(doc)).hasMessageContaining("<status> must be one of [Actual, Exercise, System, Test, Draft], not 'Drill'");
    }

    @Test
    void anUnknownElementOfTheCapNamespaceIsNamedButASignatureIsSkipped() {
        assertThatThrownBy(() -> xml.read(MINIMAL.formatted("<colour>red</colour>"))).hasMessageContaining("unknown element <colour> in <alert>");
        Alert signed = xml.read(MINIMAL.formatted("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature>"));
        assertThat(signed.status()).isEqualTo(Status.Exercise);
    }

    @Test
    void aRootOutsideTheCapNamespaceIsRefused() {
        assertThatThrownBy(() -> xml.read("<alert><identifier>x</identifier></alert>"))
                .hasMessageContaining("namespace urn:oasis:names:tc:emergency:cap:1.2");
    }

    @Test
    void malformedXmlIsReportedWithItsLine() {
        assertThatThrownBy(() -> xml.read("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n<identifier>x</alert>"))
                .isInstanceOf(CapParseException.class)
                .hasMessageContaining("malformed XML").hasMessageContaining("line 2");
    }

    @Test
    void anIdentifierWithASpaceBreaksTheReferencesSyntaxAndIsRefused() {
        assertThatThrownBy(() -> new Alert("two words", "s", OffsetDateTime.now(), Status.Actual, MsgType.Alert, null,
                Scope.Public, null, null, List.of(), null, null, null, List.of()))
                .isInstanceOf(InvalidCapException.class).hasMessageContaining("<identifier> must not contain spaces");
    }

    @Test
    void severityEscalatesOneStepAndStopsAtExtreme() {
        assertThat(Severity.Minor.escalated()).isEqualTo(Severity.Moderate);
        assertThat(Severity.Moderate.escalated()).isEqualTo(Severity.Severe);
        assertThat(Severity.Severe.escalated()).isEqualTo(Severity.Extreme);
        assertThat(Severity.Extreme.escalated()).isEqualTo(Severity.Extreme);
    }
}
