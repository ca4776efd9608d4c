package org.entente.core.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StixTimestampTest {
    @ParameterizedTest
    @ValueSource(strings = {"2016-05-12T08:17:27Z", "2016-05-12T08:17:27.000Z", "2016-05-12T08:17:27.123456789Z"})
    void utcTimestampsWithAnySubSecondPrecisionAreAccepted(String text) {
        assertThat(StixTimestamp.tryParse(text)).isPresent().get().extracting(StixTimestamp::text).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-05-12T08:17:27+00:00", "2016-05-12t08:17:27z", "2016-05-12 08:17:27Z",
            "2016-05-12", "2016-02-30T00:00:00Z", "2016-05-12T25:00:00Z", "2016-05-12T08:17:27.Z", ""})
    void timestampsWithOffsetsLowercaseLettersOrImpossibleDatesAreRejected(String text) {
        assertThat(StixTimestamp.tryParse(text)).isEmpty();
    }

    @Test
    void parseNamesTheExpectedFormatWhenTheTextIsNotATimestamp() {
        assertThatThrownBy(() -> StixTimestamp.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("YYYY-MM-DDTHH:mm:ss");
    }

    @Test
    void precisionIsKeptButEqualityFollowsTheInstant() {
        StixTimestamp seconds = StixTimestamp.parse("2016-05-12T08:17:27Z");
        StixTimestamp millis = StixTimestamp.parse("2016-05-12T08:17:27.000Z");
        assertThat(seconds).isEqualTo(millis).hasSameHashCodeAs(millis);
        assertThat(seconds.fractionDigits()).isZero();
        assertThat(millis.fractionDigits()).isEqualTo(3);
        assertThat(seconds.toString()).isEqualTo("2016-05-12T08:17:27Z");
    }

    @Test
    void timestampsOrderByInstant() {
        assertThat(StixTimestamp.parse("2016-05-12T08:17:27.1Z")).isGreaterThan(StixTimestamp.parse("2016-05-12T08:17:27.099Z"));
    }

    @Test
    void ofMillisAlwaysShowsThreeFractionDigits() {
        assertThat(StixTimestamp.ofMillis(Instant.parse("2020-01-01T00:00:00Z")).text()).isEqualTo("2020-01-01T00:00:00.000Z");
        assertThat(StixTimestamp.ofMillis(Instant.parse("2020-01-01T00:00:00.123456Z")).text()).isEqualTo("2020-01-01T00:00:00.123Z");
    }
}
