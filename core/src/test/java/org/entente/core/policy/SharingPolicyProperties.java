package org.entente.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the sharing policy over random members, charters and labels. */
class SharingPolicyProperties {
    static final List<MemberId> MEMBERS = List.of(
            MemberId.ofPublicKey(new byte[] {1}), MemberId.ofPublicKey(new byte[] {2}),
            MemberId.ofPublicKey(new byte[] {3}), MemberId.ofPublicKey(new byte[] {4}),
            MemberId.ofPublicKey(new byte[] {5}));
    static final List<String> DOMAINS = List.of("cyber", "fraud", "health");

    record World(List<Community> communities, SharingLabels labels, MemberId member, MemberId relayer) {}

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<MemberId> member = Arbitraries.of(MEMBERS);
        Arbitrary<Community> community = Combinators.combine(
                        Arbitraries.of("a", "b", "c"),
                        member.set().ofMinSize(0).ofMaxSize(5),
                        Arbitraries.of(DOMAINS).set().ofMaxSize(2),
                        Arbitraries.of(Tlp.class),
                        Arbitraries.of(true, false))
                .as((name, members, domains, tlp, relay) -> new Community(name, new Charter(members, domains, tlp, relay, false)));
        Arbitrary<List<Community>> communities = community.list().ofMaxSize(3).uniqueElements(Community::name);
        Arbitrary<Distribution> distribution = Combinators.combine(
                        member.set().ofMaxSize(2), Arbitraries.of("a", "b", "c", "z").set().ofMaxSize(2), Arbitraries.of(true, false))
                .as(Distribution::new);
        Arbitrary<SharingLabels> labels = Combinators.combine(
                        member, distribution, Arbitraries.of(Tlp.class), Arbitraries.of(DOMAINS),
                        Arbitraries.of(HandlingCode.class).optional())
                .as((origin, to, tlp, domain, code) -> new SharingLabels(origin, to, tlp, domain, code, Optional.empty()));
        return Combinators.combine(communities, labels, member, member).as(World::new);
    }

    @Property(tries = 2000)
    void nobodyButTheOriginReceivesWhatIsAddressedToNobody(@ForAll("worlds") World w) {
        SharingLabels l = new SharingLabels(w.labels().origin(), Distribution.ORGANISATION, w.labels().tlp(),
                w.labels().domain(), Optional.empty(), Optional.empty());
        assertThat(new SharingPolicy(w.communities()).mayReceive(l, w.member()).allowed())
                .isEqualTo(w.member().equals(l.origin()));
    }

    @Property(tries = 2000)
    void redNeverReachesAnyoneUnnamed(@ForAll("worlds") World w) {
        SharingLabels l = w.labels();
        if (l.tlp() != Tlp.RED) return;
        boolean allowed = new SharingPolicy(w.communities()).mayReceive(l, w.member()).allowed();
        if (allowed) assertThat(l.distribution().members().contains(w.member()) || l.origin().equals(w.member())).isTrue();
    }

    @Property(tries = 2000)
    void receivingThroughACommunityNeedsACommunityThatCarriesIt(@ForAll("worlds") World w) {
        SharingLabels l = w.labels();
        SharingPolicy policy = new SharingPolicy(w.communities());
        if (!policy.mayReceive(l, w.member()).allowed()) return;
        if (l.origin().equals(w.member()) || l.distribution().members().contains(w.member())) return;
        assertThat(w.communities()).anySatisfy(c -> {
            assertThat(l.distribution().allCommunities() || l.distribution().communities().contains(c.name())).isTrue();
            assertThat(c.hasMember(l.origin()) && c.hasMember(w.member())).isTrue();
            assertThat(c.charter().carriesDomain(l.domain())).isTrue();
            assertThat(l.tlp().atMost(c.charter().highestTlp())).isTrue();
        });
    }

    @Property(tries = 2000)
    void widerAudiencesNeverTakeAccessAway(@ForAll("worlds") World w) {
        SharingPolicy policy = new SharingPolicy(w.communities());
        SharingLabels l = w.labels();
        Set<MemberId> more = new HashSet<>(l.distribution().members());
        more.add(w.relayer());
        Distribution wider = new Distribution(more, l.distribution().communities(), l.distribution().allCommunities());
        SharingLabels widened = new SharingLabels(l.origin(), wider, l.tlp(), l.domain(), l.handlingCode(), l.grading());
        if (policy.mayReceive(l, w.member()).allowed()) {
            assertThat(policy.mayReceive(widened, w.member()).allowed()).isTrue();
        }
    }

    @Property(tries = 2000)
    void aRelayNeverDeliversWhatTheRecipientMayNotReceiveOrWhatTlpKeepsInside(@ForAll("worlds") World w) {
        SharingPolicy policy = new SharingPolicy(w.communities());
        SharingLabels l = w.labels();
        if (!policy.mayRelay(l, w.relayer(), w.member()).allowed()) return;
        assertThat(policy.mayReceive(l, w.member()).allowed()).isTrue();
        if (!l.origin().equals(w.relayer())) {
            assertThat(l.tlp().allowsOnwardSharing()).isTrue();
            assertThat(l.handlingCode()).isNotEqualTo(Optional.of(HandlingCode.H1));
            assertThat(policy.mayReceive(l, w.relayer()).allowed()).isTrue();
        }
    }

}
