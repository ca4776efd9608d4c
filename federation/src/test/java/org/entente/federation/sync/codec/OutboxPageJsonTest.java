package org.entente.federation.sync.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.entente.federation.codec.JsonFieldException;
import org.entente.federation.sync.OutboxPage;
import org.junit.jupiter.api.Test;

class OutboxPageJsonTest {

    static byte[] page(long next, boolean more, Object... seqsAndEnvelopes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(OutboxPageJson.opening());
        for (int i = 0; i < seqsAndEnvelopes.length; i += 2) {
            out.writeBytes(OutboxPageJson.entry(i == 0, (Long) seqsAndEnvelopes[i], (byte[]) seqsAndEnvelopes[i + 1]));
        }
        out.writeBytes(OutboxPageJson.closing(next, more));
        return out.toByteArray();
    }

    @Test
    void envelopesComeOutOfAPageByteForByteAsTheyWereEmbedded() {
        byte[] signed = "{\"objects\":[{\"name\":\"]},{\"}],\"signature\":\"abc\",\"type\":\"entente-envelope\"}".getBytes(UTF_8);
        // A relayed envelope is kept as its origin sent it, whitespace, escapes and all.
        byte[] spaced = "{ \"b\" : [1, 2],\n  \"a\" : \"caf\\u00e9 }\" }".getBytes(UTF_8);

        OutboxPage read = OutboxPageJson.read(page(12, true, 5L, signed, 12L, spaced), 4);

        assertThat(read.more()).isTrue();
        assertThat(read.entries()).extracting(OutboxPage.Entry::seq).containsExactly(5L, 12L);
        assertThat(read.entries().get(0).envelope()).isEqualTo(signed);
        assertThat(read.entries().get(1).envelope()).isEqualTo(spaced);
    }

    @Test
    void anEmptyPageNamesTheCursorItWasAskedWith() {
        OutboxPage read = OutboxPageJson.read(page(7, false), 7);

        assertThat(read.entries()).isEmpty();
        assertThat(read.more()).isFalse();
    }

    @Test
    void seqsThatDoNotFollowTheCursorAndEachOtherAreRefused() {
        byte[] e = "{}".getBytes(UTF_8);
        assertThatThrownBy(() -> OutboxPageJson.read(page(3, false, 3L, e), 3))
                .isInstanceOf(JsonFieldException.class).hasMessage("envelopes[0].seq: must be greater than 3, not 3");
        assertThatThrownBy(() -> OutboxPageJson.read(page(5, false, 6L, e, 5L, e), 0))
                .isInstanceOf(JsonFieldException.class).hasMessage("envelopes[1].seq: must be greater than 6, not 5");
        assertThatThrownBy(() -> OutboxPageJson.read(page(9, false, 6L, e), 0))
                .isInstanceOf(JsonFieldException.class).hasMessage("next: must be the last seq of the page, 6, not 9");
    }

    @Test
    void whatIsNotAPageIsRefusedNamingTheField() {
        assertThatThrownBy(() -> OutboxPageJson.read("{\"envelopes\":[{\"seq\":1,\"envelope\":\"text\"}],\"next\":1,\"more\":false}".getBytes(UTF_8), 0))
                .isInstanceOf(JsonFieldException.class).hasMessageStartingWith("envelopes[0].envelope: must be an object");
        assertThatThrownBy(() -> OutboxPageJson.read("{\"envelopes\":[],\"next\":0,\"more\":false,\"extra\":1}".getBytes(UTF_8), 0))
                .isInstanceOf(JsonFieldException.class).hasMessage("extra: is not a field of an outbox page");
        assertThatThrownBy(() -> OutboxPageJson.read("{\"envelopes\":[{\"envelope\":{}}],\"next\":0,\"more\":false}".getBytes(UTF_8), 0))
                .isInstanceOf(JsonFieldException.class).hasMessage("envelopes[0].seq: is missing");
        assertThatThrownBy(() -> OutboxPageJson.read("{\"envelopes\":[],\"next\":0}".getBytes(UTF_8), 0))
                .isInstanceOf(JsonFieldException.class).hasMessage("more: is missing");
        assertThatThrownBy(() -> OutboxPageJson.read("{\"envelopes\":[{\"seq\":1.5,\"envelope\":{}}]".getBytes(UTF_8), 0))
                .isInstanceOf(JsonFieldException.class).hasMessage("envelopes[0].seq: must be an integer");
        assertThatThrownBy(() -> OutboxPageJson.read("{\"envelopes\":[{\"seq\":1,\"envelope\":{".getBytes(UTF_8), 0))
                .isInstanceOf(JsonFieldException.class).hasMessageStartingWith("malformed JSON");
    }
}
