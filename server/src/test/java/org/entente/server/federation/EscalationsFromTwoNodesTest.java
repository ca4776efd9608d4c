package org.entente.server.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.server.federation.FederationEndToEndTest.connectAll;
import static org.entente.server.federation.FederationEndToEndTest.freePort;
import static org.entente.server.federation.FederationEndToEndTest.member;
import static org.entente.server.federation.FederationEndToEndTest.putCommunity;
import static org.entente.server.federation.ObservationsAcrossNodesTest.indicator;
import static org.entente.server.federation.ObservationsAcrossNodesTest.node;
import static org.entente.server.federation.ObservationsAcrossNodesTest.observe;
import static org.entente.server.federation.ObservationsAcrossNodesTest.shareWithCommunity;
import static org.entente.server.federation.ObservationsAcrossNodesTest.storedJson;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.entente.core.policy.Level;
import org.entente.core.policy.MemberId;
import org.entente.federation.sync.Backoff;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.cli.EntenteCommand;
import org.entente.server.testing.TaxiiClient;
import org.entente.server.warn.CrossBorderClusterRule;
import org.entente.server.warn.IndicatorMatchRule;
import org.entente.server.warn.WarningSettings;
import org.entente.store.AddressedWarning;
import org.entente.store.StoredWarning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One event escalated to one member by two nodes, on loopback with real TLS: the French and the Dutch node
 * each warn the German member of a match of the German indicator and each escalate their warning. The German
 * node shows the first escalation and holds the second back as a duplicate; it is stopped, its duty officer
 * acknowledges the escalation shown with {@code entente warnings ack} on its data directory, and once it runs
 * again both escalating nodes record the acknowledgement, each sent one note. Acknowledging the first warning
 * of the event reaches both too, though both nodes warned of it under one id.
 */
class EscalationsFromTwoNodesTest {
    private static final WarningSettings ESCALATING_AT_ONCE = new WarningSettings(List.of(new IndicatorMatchRule()),
            Duration.ofMillis(1), Duration.ofHours(1), Duration.ofMillis(200), Backoff.DEFAULT);

    @TempDir
    Path dir;

    Node de;
    Node fr;
    Node nl;
    int dePort;
    int deFederationPort;

    @BeforeEach
    void start() throws Exception {
        dePort = freePort();
        deFederationPort = freePort();
        de = germanNode();
        // Their warnings are overdue at once; the test runs their escalation checks itself.
        fr = node(dir.resolve("fr"), new MemberProfile("CERT-FR", "FR", Level.STATE, "cyber"), ESCALATING_AT_ONCE);
        nl = node(dir.resolve("nl"), new MemberProfile("CERT-NL", "NL", Level.STATE, "cyber"), ESCALATING_AT_ONCE);
        connectAll(List.of(de, fr, nl));
        putCommunity(List.of(de, fr, nl), "cti", "{\"members\":[\"" + member(de) + "\",\"" + member(fr) + "\",\"" + member(nl)
                + "\"],\"domains\":[\"cyber\"],\"highest_tlp\":\"amber\",\"relay_allowed\":false}");
    }

    /**
     * Raises no warnings of its own (three countries make no cluster of four), so that what it shows comes from its
     * peers; on the same ports after a restart.
     */
    private Node germanNode() {
        return Node.start(NodeConfig.local(dir.resolve("de"), dePort).withAdminToken(FederationEndToEndTest.TOKEN)
                .withFederationPort(deFederationPort).withProfile(new MemberProfile("CERT-DE", "DE", Level.STATE, "cyber")),
                new WarningSettings(List.of(new CrossBorderClusterRule(4)), Duration.ofHours(1), Duration.ofHours(1),
                        Duration.ofMillis(200), Backoff.DEFAULT));
    }

    @AfterEach
    void stop() {
        for (Node n : new Node[] {de, fr, nl}) if (n != null) n.close();
    }

    @Test
    void anAcknowledgementOfOneEscalationReachesBothNodesThatEscalatedTheEventAcrossARestart() {
        MemberId deMember = new MemberId(member(de));
        Map<String, Object> indicator = indicator("[domain-name:value = 'evil.example']", false, "2026-01-01T00:00:00.000Z");
        shareWithCommunity(de, indicator);
        for (Node n : List.of(fr, nl)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> n.detector().indicators().version((String) indicator.get("id")).isPresent());
        }
        for (Node n : List.of(fr, nl)) {
            TaxiiClient.Response posted = observe(n, "{\"type\":\"domain-name\",\"value\":\"evil.example\"}\n");
            assertThat(posted.status()).as(posted.text()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> !n.warnings().addressedTo(deMember, false).isEmpty());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !de.warnings().addressedTo(deMember, false).isEmpty());

        String frOriginal = fr.warnings().addressedTo(deMember, false).get(0).warning().id();
        String nlOriginal = nl.warnings().addressedTo(deMember, false).get(0).warning().id();
        String fromFr = escalate(fr);
        await().atMost(Duration.ofSeconds(30)).until(() -> de.warnings().addressed(fromFr, deMember).isPresent());
        String fromNl = escalate(nl);
        assertThat(fromNl).as("each node's escalation is its own").isNotEqualTo(fromFr);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedJson(de).stream().anyMatch(json -> json.contains(fromNl)));
        assertThat(de.warnings().addressedTo(deMember, false)).as("the event's warning and one escalation of it")
                .hasSize(2).extracting(w -> w.warning().rule()).containsExactly("escalation", "indicator-match");

        // Stopped with the duplicate held back; acknowledged on the command line while it is down.
        de.close();
        de = null;
        StringWriter out = new StringWriter();
        CommandLine cli = EntenteCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        int exit = cli.execute("warnings", "ack", fromFr, "--by", "night-shift", "--data", dir.resolve("de").toString());
        assertThat(exit).as(out.toString()).isZero();
        de = germanNode();

        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(fr, fromFr, deMember) && acknowledged(nl, fromNl, deMember));
        for (Node n : List.of(fr, nl)) {
            String escalation = n == fr ? fromFr : fromNl;
            assertThat(n.warnings().addressed(escalation, deMember).orElseThrow().recipient().acknowledgedBy())
                    .isEqualTo("night-shift (" + member(de) + ")");
            assertThat(n.warnings().escalateOverdue()).as("nothing left to escalate").isEmpty();
        }
        assertThat(storedJson(de).stream().filter(json -> json.contains("\"entente-acknowledgement\"")))
                .as("one acknowledgement note per escalating node").hasSize(2)
                .anySatisfy(note -> assertThat(note).contains(fromFr))
                .anySatisfy(note -> assertThat(note).contains(fromNl));

        // The first warning of the event, shown once here (both nodes sent a view of it), acknowledged: both hear of it.
        String original = de.warnings().addressedTo(deMember, true).get(0).warning().id();
        assertThat(de.warnings().acknowledge(original, deMember, "day-shift")).isTrue();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> acknowledged(fr, frOriginal, deMember) && acknowledged(nl, nlOriginal, deMember));
    }

    /** Runs the node's escalation check: its warning to the German member escalates once. */
    private static String escalate(Node n) {
        List<StoredWarning> escalated = n.warnings().escalateOverdue();
        assertThat(escalated).singleElement().satisfies(e -> assertThat(e.rule()).isEqualTo("escalation"));
        return escalated.get(0).id();
    }

    private static boolean acknowledged(Node n, String warningId, MemberId member) {
        return n.warnings().addressed(warningId, member).map(AddressedWarning::recipient).map(r -> r.isAcknowledged()).orElse(false);
    }
}
