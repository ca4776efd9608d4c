package org.entente.federation.sync.codec;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.entente.federation.codec.JsonFieldException;
import org.entente.federation.sync.OutboxPage;

/**
 * The body of {@code GET /federation/v1/outbox}:
 * <pre>{"envelopes":[{"seq":41,"envelope":{…}},…],"next":42,"more":false}</pre>
 * Each envelope is embedded as it is stored, byte for byte (an envelope is a JSON object), so the puller
 * cuts out the very bytes the origin signed instead of re-encoding them. {@code next} is the cursor to ask
 * with next; {@code more} says whether the page stopped at its limit of entries or bytes. The server writes
 * a page in pieces ({@link #opening}, {@link #entry}, {@link #closing}) so that it streams envelopes one at
 * a time from its store.
 */
public final class OutboxPageJson {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private OutboxPageJson() {}

    public static byte[] opening() {
        return "{\"envelopes\":[".getBytes(UTF_8);
    }

    /** One entry, preceded by a comma unless it is the first of the page. */
    public static byte[] entry(boolean first, long seq, byte[] envelope) {
        byte[] head = ((first ? "" : ",") + "{\"seq\":" + seq + ",\"envelope\":").getBytes(UTF_8);
        byte[] entry = Arrays.copyOf(head, head.length + envelope.length + 1);
        System.arraycopy(envelope, 0, entry, head.length, envelope.length);
        entry[entry.length - 1] = '}';
        return entry;
    }

    public static byte[] closing(long next, boolean more) {
        return ("],\"next\":" + next + ",\"more\":" + more + "}").getBytes(UTF_8);
    }

    /**
     * Reads a page asked for with {@code after}: every seq must follow {@code after} and the one before it.
     *
     * @throws JsonFieldException naming what is wrong, for malformed JSON, a missing or unknown field, or
     *     seqs out of order
     */
    public static OutboxPage read(byte[] json, long after) {
        try (JsonParser parser = JSON.createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "");
            List<OutboxPage.Entry> entries = null;
            Boolean more = null;
            Long next = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "envelopes" -> entries = entries(parser, json, after);
                    case "more" -> {
                        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) throw new JsonFieldException("more", "must be true or false");
                        more = parser.getBooleanValue();
                    }
                    case "next" -> next = seq(parser, "next");
                    default -> throw new JsonFieldException(field, "is not a field of an outbox page");
                }
            }
            if (parser.nextToken() != null) throw new JsonFieldException("", "trailing content after the page");
            if (entries == null) throw new JsonFieldException("envelopes", "is missing");
            if (more == null) throw new JsonFieldException("more", "is missing");
            if (next == null) throw new JsonFieldException("next", "is missing");
            long last = entries.isEmpty() ? after : entries.getLast().seq();
            if (next != last) throw new JsonFieldException("next", "must be the last seq of the page, " + last + ", not " + next);
            return new OutboxPage(entries, more);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new JsonFieldException("", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new JsonFieldException("", "unreadable page: " + e.getMessage());
        }
    }

    private static List<OutboxPage.Entry> entries(JsonParser parser, byte[] json, long after) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, "envelopes");
        List<OutboxPage.Entry> entries = new ArrayList<>();
        long previous = after;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String path = "envelopes[" + entries.size() + "]";
            expect(parser.currentToken(), JsonToken.START_OBJECT, path);
            Long seq = null;
            byte[] envelope = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "seq" -> seq = seq(parser, path + ".seq");
                    case "envelope" -> {
                        expect(value, JsonToken.START_OBJECT, path + ".envelope");
                        // Byte offsets into the page: the envelope is taken as it was embedded.
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentLocation().getByteOffset();
                        envelope = Arrays.copyOfRange(json, start, end);
                    }
                    default -> throw new JsonFieldException(path + "." + field, "is not a field of an outbox entry");
                }
            }
            if (seq == null) throw new JsonFieldException(path + ".seq", "is missing");
            if (envelope == null) throw new JsonFieldException(path + ".envelope", "is missing");
            if (seq <= previous) throw new JsonFieldException(path + ".seq", "must be greater than " + previous + ", not " + seq);
            previous = seq;
            entries.add(new OutboxPage.Entry(seq, envelope));
        }
        return entries;
    }

    private static long seq(JsonParser parser, String path) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                && parser.getNumberType() != JsonParser.NumberType.LONG) {
            throw new JsonFieldException(path, "must be an integer");
        }
        long seq = parser.getLongValue();
        if (seq < 0) throw new JsonFieldException(path, "must not be negative");
        return seq;
    }

    private static void expect(JsonToken actual, JsonToken expected, String path) {
        if (actual != expected) {
            throw new JsonFieldException(path, "must be " + (expected == JsonToken.START_ARRAY ? "an array" : "an object")
                    + ", not " + actual);
        }
    }
}
