package org.entente.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * patterns-valid.json must all parse and patterns-invalid.json must all be rejected, each under the STIX version
 * the case names. Where the reference error gives a column, our position must agree with it.
 */
@DisplayName("Pattern parsing conformance")
class PatternParsingConformanceTest {
    private static final java.util.regex.Pattern REFERENCE_COLUMN =
            java.util.regex.Pattern.compile("(?:line )?1:(\\d+)");

    @TestFactory
    @DisplayName("every pattern the reference validator accepts parses")
    Stream<DynamicTest> everyValidPatternParses() {
        return ConformanceData.cases(ConformanceData.read("patterns-valid.json")).stream().map(c -> DynamicTest.dynamicTest(
                c.get("id") + ": " + c.get("pattern"), () -> {
                    Pattern parsed = Pattern.parse((String) c.get("pattern"), version(c));
                    // The printed form must be valid in the same edition and mean the same.
                    assertThat(Pattern.parse(parsed.canonicalText(), version(c))).isEqualTo(parsed);
                }));
    }

    @TestFactory
    @DisplayName("every pattern the reference validator rejects is rejected, at the reference's position when it gives one")
    Stream<DynamicTest> everyInvalidPatternIsRejected() {
        return ConformanceData.cases(ConformanceData.read("patterns-invalid.json")).stream().map(c -> DynamicTest.dynamicTest(
                c.get("id") + ": " + c.get("pattern"), () -> {
                    PatternSyntaxException e = catchThrowableOfType(PatternSyntaxException.class,
                            () -> Pattern.parse((String) c.get("pattern"), version(c)));
                    assertThat(e).as("rejected").isNotNull();
                    Matcher column = REFERENCE_COLUMN.matcher((String) c.get("reference_error_prefix"));
                    if (column.find()) {
                        assertThat(e.position()).as("position of: " + e.reason()).isEqualTo(Integer.parseInt(column.group(1)));
                    }
                }));
    }

    static PatternVersion version(Map<String, Object> c) {
        return PatternVersion.ofLabel((String) c.getOrDefault("stix_version", "2.1"));
    }
}
