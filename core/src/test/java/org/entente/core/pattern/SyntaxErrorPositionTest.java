package org.entente.core.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Syntax errors name the 0-based position of the offending token")
class SyntaxErrorPositionTest {

    @ParameterizedTest(name = "{0} → at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            file:size = 1280                                   | 0  | starts with '['
            [file:size = ]                                     | 13 | a constant
            [file:size = 1280                                  | 17 | ']'
            [file.size = 1280]                                 | 5  | ':'
            [file:size == 1280] within 2 seconds               | 20 | the end
            [file:name = 'abc]                                 | 13 | not closed
            [file:name = 'a\\b']                               | 15 | backslash
            [file:size > true]                                 | 13 | booleans
            [file:x IN (1, 'a')]                               | 11 | same type
            [file:x MATCHES '(']                               | 16 | regular expression
            [file:x ISSUBSET '10.0.0.0/33']                    | 17 | CIDR
            [file:x ISSUBSET '010.0.0.0/8']                    | 17 | leading zeros
            [file:x = 1] WITHIN 0 SECONDS                      | 20 | positive
            [file:x = 1] REPEATS 0 TIMES                       | 21 | positive
            [file:x[-1] = 1]                                   | 8  | not negative
            [file:x = t'2020-01-01T00:00:00']                  | 10 | timestamp
            [file:x = h'abc']                                  | 10 | hex
            [file:x = 1] START '2020-01-01T00:00:00Z' STOP '2021-01-01T00:00:00Z' | 19 | timestamp literal
            [file:x = 1] WITHIN 1 SECONDS WITHIN 2 SECONDS     | 30 | duplicate WITHIN
            [file:bad-name = 1]                                | 6  | quoted
            [file:hashes.MD5 = 'abc']                          | 19 | MD5 hash
            [file:x = 1] AND                                   | 16 | '[' or '('
            [file:x = 1] FOO                                   | 13 | the end
            """)
    void errorPosition(String pattern, int position, String reasonPart) {
        PatternSyntaxException e = catchThrowableOfType(PatternSyntaxException.class, () -> Pattern.parse(pattern.strip()));
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.position()).as(e.reason()).isEqualTo(position);
        assertThat(e.reason()).contains(reasonPart);
    }
}
