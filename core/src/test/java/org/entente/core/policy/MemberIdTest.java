package org.entente.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemberIdTest {
    @Test
    void anIdBoundToAKeyIsAMemberIdAndAnyOtherIdentityIdIsNot() {
        String member = MemberId.ofPublicKey(new byte[] {7}).value();
        String victim = "identity--1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b"; // a version 4 UUID: an identity, not a member

        assertThat(MemberId.isMemberId(member)).isTrue();
        assertThat(MemberId.isMemberId(victim)).isFalse();
        assertThat(MemberId.isMemberId(null)).isFalse();
        assertThatThrownBy(() -> new MemberId(victim)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(victim);
    }
}
