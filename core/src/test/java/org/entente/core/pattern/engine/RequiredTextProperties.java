package org.entente.core.pattern.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** A screening text must be in every value the operand accepts, or the engine would miss matches. */
@Label("Text required by LIKE and MATCHES operands")
class RequiredTextProperties {

    @Property(tries = 5000)
    @Label("a value a regular expression finds in contains its required text")
    void everyValueARegexFindsContainsItsText(@ForAll("regexes") String regex,
            @ForAll @Chars({'a', 'b', 'c', '.', 'x', '1', '{', '}'}) @StringLength(max = 12) String value) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException notARegex) {
            return;
        }
        RequiredText.ofRegex(regex).ifPresent(text -> {
            if (compiled.matcher(value).find()) assertThat(value).as(regex).contains(text);
        });
    }

    @Property(tries = 2000)
    @Label("a value a LIKE operand matches contains its required text")
    void everyValueALikeMatchesContainsItsText(@ForAll @Chars({'a', 'b', '%', '_', '.'}) @StringLength(max = 8) String like,
            @ForAll @Chars({'a', 'b', '.'}) @StringLength(max = 10) String value) {
        Pattern compiled = Pattern.compile(like.chars().mapToObj(c -> c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf((char) c)))
                .reduce("", String::concat), Pattern.DOTALL);
        RequiredText.ofLike(like).ifPresent(text -> {
            if (compiled.matcher(value).matches()) assertThat(value).as(like).contains(text);
        });
    }

    @Provide
    Arbitrary<String> regexes() {
        return Arbitraries.of(List.of("a", "b", "c", ".", "\\.", "?", "*", "+", "{1,2}", "{0}", "(", ")", "[ab]", "[^a]",
                        "[a[bc]]", "^", "$", "|", "\\d", "x", "1", "*?", "\\{", "(?:", "\\Q", "\\E", "\\x61"))
                .list().ofMinSize(1).ofMaxSize(10).map(tokens -> String.join("", tokens));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the longest literal outside groups and classes is required; alternation and flags give none")
    void theLongestLiteralOutsideGroupsIsRequired() {
        assertThat(RequiredText.ofRegex("^https?://[^/]*\\.zip12/")).contains(".zip12/");
        assertThat(RequiredText.ofRegex("evil\\.example\\.com$")).contains("evil.example.com");
        assertThat(RequiredText.ofRegex("abcd?ef")).contains("abc");
        assertThat(RequiredText.ofRegex("a|bcdef")).isEmpty();
        assertThat(RequiredText.ofRegex("(?i)abcdef")).isEmpty();
        assertThat(RequiredText.ofLike("http://%.evil/%")).contains("http://");
        assertThat(RequiredText.ofLike("%ab_c%")).isEmpty();
    }
}
