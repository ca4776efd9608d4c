package org.entente.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharingPolicyTest {
    static final MemberId DE = MemberId.ofPublicKey("cert-de".getBytes());
    static final MemberId FR = MemberId.ofPublicKey("cert-fr".getBytes());
    static final MemberId NL = MemberId.ofPublicKey("fraud-nl".getBytes());
    static final MemberId EE = MemberId.ofPublicKey("ministry-ee".getBytes());

    static final Community CERTS = new Community("eu-certs",
            new Charter(Set.of(DE, FR, NL), Set.of("cyber", "fraud"), Tlp.AMBER, true, false));
    static final Community BILATERAL = new Community("de-ee",
            new Charter(Set.of(DE, EE), Set.of(), Tlp.AMBER_STRICT, false, true));
    static final SharingPolicy POLICY = new SharingPolicy(List.of(CERTS, BILATERAL));

    static SharingLabels labels(Distribution to, Tlp tlp, String domain) {
        return SharingLabels.of(DE, to, tlp, domain);
    }

    @Test
    void anEmptyAudienceReachesNobodyButTheOrigin() {
        SharingLabels l = labels(Distribution.ORGANISATION, Tlp.CLEAR, "cyber");
        assertThat(POLICY.mayReceive(l, DE).allowed()).isTrue();
        for (MemberId other : List.of(FR, NL, EE)) assertThat(POLICY.mayReceive(l, other).allowed()).isFalse();
    }

    @Test
    void aCommunityCarriesObjectsToItsMembersOnly() {
        SharingLabels l = labels(Distribution.toCommunities("eu-certs"), Tlp.GREEN, "fraud");
        assertThat(POLICY.mayReceive(l, FR).allowed()).isTrue();
        assertThat(POLICY.mayReceive(l, NL).reason()).contains("eu-certs");
        assertThat(POLICY.mayReceive(l, EE).allowed()).isFalse();
    }

    @Test
    void aCommunityDoesNotCarryADomainOrTlpItsCharterExcludes() {
        assertThat(POLICY.mayReceive(labels(Distribution.toCommunities("eu-certs"), Tlp.GREEN, "health"), FR).allowed()).isFalse();
        assertThat(POLICY.mayReceive(labels(Distribution.toCommunities("eu-certs"), Tlp.AMBER_STRICT, "cyber"), FR).allowed()).isFalse();
        assertThat(POLICY.mayReceive(labels(Distribution.toCommunities("de-ee"), Tlp.AMBER_STRICT, "health"), EE).allowed()).isTrue();
    }

    @Test
    void redReachesNamedRecipientsOnlyEvenWhenACommunityIsAddressed() {
        SharingLabels l = labels(new Distribution(Set.of(EE), Set.of("eu-certs"), false), Tlp.RED, "cyber");
        assertThat(POLICY.mayReceive(l, EE).allowed()).isTrue();
        assertThat(POLICY.mayReceive(l, FR).reason()).contains("TLP:RED");
    }

    @Test
    void anOriginCannotAddressACommunityItIsNotIn() {
        SharingLabels fromFr = SharingLabels.of(FR, Distribution.toCommunities("de-ee"), Tlp.CLEAR, "cyber");
        assertThat(POLICY.mayReceive(fromFr, EE).allowed()).isFalse();
    }

    @Test
    void allCommunitiesMeansEveryCommunityOfTheOrigin() {
        SharingLabels l = labels(new Distribution(Set.of(), Set.of(), true), Tlp.GREEN, "cyber");
        assertThat(List.of(FR, NL, EE)).allSatisfy(m -> assertThat(POLICY.mayReceive(l, m).allowed()).isTrue());
    }

    @Test
    void relayNeedsAGreenOrClearObjectAndACharterThatAllowsIt() {
        SharingLabels green = labels(Distribution.toCommunities("eu-certs"), Tlp.GREEN, "cyber");
        assertThat(POLICY.mayRelay(green, FR, NL).allowed()).isTrue();
        SharingLabels amber = labels(Distribution.toCommunities("eu-certs"), Tlp.AMBER, "cyber");
        assertThat(POLICY.mayRelay(amber, FR, NL).reason()).contains("TLP:AMBER");
        SharingLabels bilateral = labels(Distribution.toCommunities("de-ee"), Tlp.GREEN, "cyber");
        assertThat(POLICY.mayRelay(bilateral, EE, DE).allowed()).isFalse();
        SharingLabels h1 = new SharingLabels(DE, Distribution.toCommunities("eu-certs"), Tlp.GREEN, "cyber",
                Optional.of(HandlingCode.H1), Optional.empty());
        assertThat(POLICY.mayRelay(h1, FR, NL).reason()).contains("H1");
    }

    @Test
    void aMemberIdIsBoundToItsKey() {
        assertThat(DE.isBoundTo("cert-de".getBytes())).isTrue();
        assertThat(DE.isBoundTo("cert-fr".getBytes())).isFalse();
        assertThat(DE.value()).startsWith("identity--");
    }

    @Test
    void tlpMarkingsOfBothVersionsMapToLevels() {
        for (Tlp tlp : Tlp.values()) assertThat(Tlp.ofMarking(tlp.markingId())).contains(tlp);
        assertThat(Tlp.ofMarking("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9")).contains(Tlp.CLEAR);
        assertThat(Tlp.parse("TLP:AMBER+STRICT")).contains(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("purple")).isEmpty();
    }
}
