package org.entente.core.observable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalisationTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "HTTP://Example.COM:80/a/./b/../c?%7e#frag            | http://example.com/a/c?~",
            "https://Example.com:443                              | https://example.com/",
            "https://example.com:8443/                            | https://example.com:8443/",
            "http://example.com:/                                 | http://example.com/",
            "http://example.com:0080/x                            | http://example.com/x",
            "ftp://FTP.example.com:21/pub/file.txt                | ftp://ftp.example.com/pub/file.txt",
            "http://example.com:8080/%7Euser/%2fetc/%41%62%63     | http://example.com:8080/~user/%2Fetc/Abc",
            "http://example.com/%e2%82%ac?q=%e2%82%ac             | http://example.com/%E2%82%AC?q=%E2%82%AC",
            "http://example.com/a/%2E%2E/b                        | http://example.com/b",
            "http://example.com/a/b/../../../c                    | http://example.com/c",
            "http://example.com/?b=2&a=1+x#top                    | http://example.com/?b=2&a=1+x",
            "http://example.com?                                  | http://example.com/?",
            "http://user:Secret@Example.com/                      | http://user:Secret@example.com/",
            "http://[2001:DB8:0:0:0:0:0:1]:80/                    | http://[2001:db8::1]/",
            "http://192.168.0.1:8080/admin                        | http://192.168.0.1:8080/admin",
            "http://münchen.de/straße                             | http://xn--mnchen-3ya.de/stra%C3%9Fe",
            "http://m%C3%BCnchen.de/                              | http://xn--mnchen-3ya.de/",
            "http://example.com./                                 | http://example.com/",
            "http://example.com/a b<c>                            | http://example.com/a%20b%3Cc%3E",
            "http://example.com/100%                              | http://example.com/100%25",
            "hxxp://Example.com/x                                 | hxxp://example.com/x",
            "\"  https://example.com/path  \"                    | https://example.com/path",
    })
    void urlsAreNormalisedByTheEquivalencesOfRfc3986(String raw, String expected) {
        assertThat(Observables.normalise(ObservableKind.URL, raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com/path", "/relative/path", "http:///path", "http://exa mple.com/", "http://example.com:99999/",
            "http://example.com:8o/", "http://[2001:db8::1/", "http://01.2.3.4/", "1http://example.com/", "mailto:someone@example.com"})
    void urlsWithoutSchemeOrHostOrWithABadHostOrPortAreRejected(String raw) {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.URL, raw))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessageStartingWith("invalid url '" + raw + "'");
    }

    @org.junit.jupiter.api.Test
    void aBadHostIsReportedAsAUrlErrorNamingTheHostRule() {
        assertThatThrownBy(() -> Observables.normalise(ObservableKind.URL, "http://a..b/"))
                .isInstanceOf(InvalidObservableException.class)
                .hasMessage("invalid url 'http://a..b/': host: empty label (consecutive dots or a leading dot)");
    }

    @org.junit.jupiter.api.Test
    void dotSegmentsAreRemovedByTheAlgorithmOfSection524() {
        // RFC 3986 §5.2.4 worked examples.
        assertThat(Urls.removeDotSegments("/a/b/c/./../../g")).isEqualTo("/a/g");
        assertThat(Urls.removeDotSegments("mid/content=5/../6")).isEqualTo("mid/6");
    }
}
