package org.entente.core.stix.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.entente.core.stix.StixObject;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The one place where STIX JSON meets Jackson. Trees are plain Java values (see {@link StixObject}):
 * integers become {@code Integer}, {@code Long} or {@code BigInteger} by size and floating-point numbers
 * {@code BigDecimal}, so no value changes on a round trip; duplicate keys are rejected, because two readers could disagree on which wins.
 */
public final class StixJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // Nesting deeper than any real STIX content is an attack, not data.
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Reads one value in the middle of a document: the tokens after it are not trailing. */
    private static final ObjectReader VALUE = MAPPER.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StixJson() {}

    /** Reads any JSON document into a plain tree. */
    public static Object readTree(byte[] json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw StixParseException.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON object document read into a tree, with the text of each element of one of its array members
     * exactly as the document holds it ({@code null} for an element that is not an object).
     */
    public record TreeWithElements(Object tree, List<String> elementTexts) {}

    /**
     * Reads a JSON object document as {@link #readTree} does, keeping the text of each element of its
     * top-level array member {@code arrayMember}: a reader that stores those elements as received need not
     * write each one out again. Any document that is not such an object, or is bad JSON, is read (and
     * refused) by {@link #readTree}, so the errors are the same; the texts are then empty.
     */
    public static TreeWithElements readTreeKeepingElements(byte[] json, String arrayMember) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return new TreeWithElements(readTree(json), List.of());
            Map<String, Object> root = new LinkedHashMap<>();
            List<String> texts = List.of();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(arrayMember) && value == JsonToken.START_ARRAY) {
                    List<Object> elements = new ArrayList<>();
                    texts = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        long start = parser.currentTokenLocation().getByteOffset();
                        Object element = VALUE.readValue(parser);
                        long end = parser.currentLocation().getByteOffset();
                        elements.add(element);
                        texts.add(element instanceof Map<?, ?> && start >= 0 && end > start
                                ? new String(json, (int) start, (int) (end - start), StandardCharsets.UTF_8) : null);
                    }
                    root.put(name, elements);
                } else {
                    root.put(name, VALUE.readValue(parser));
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return new TreeWithElements(readTree(json), List.of());
            }
            return new TreeWithElements(root, texts);
        } catch (IOException | RuntimeException e) {
            // Bad JSON: readTree refuses it with the message every other reader gives.
            return new TreeWithElements(readTree(json), List.of());
        }
    }

    /** Reads one STIX object; the document must be a JSON object. */
    public static StixObject readObject(byte[] json) {
        return toObject(readTree(json), "document");
    }

    /**
     * Reads one STIX object keeping only the top-level properties that {@code keep} accepts: the values of
     * the others are skipped without being built, for a reader that needs a few properties of each of many
     * objects. The document must be a JSON object, well-formed throughout and without duplicate keys, as for
     * {@link #readObject(byte[])}.
     */
    public static StixObject readObject(byte[] json, Predicate<String> keep) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new StixParseException("document is not a JSON object", -1, -1);
            }
            Map<String, Object> kept = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (keep.test(name)) {
                    kept.put(name, keptValue(parser));
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) throw new StixParseException("trailing content after the object", -1, -1);
            return StixObject.of(kept);
        } catch (JsonProcessingException e) {
            throw StixParseException.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value at the parser's current token, as {@link #VALUE} reads it; strings, constants and lists (most of
     * what a reader keeps: ids, references, timestamps, flags) are built here: binding each through the mapper
     * cost more than reading it.
     */
    private static Object keptValue(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_ARRAY -> {
                List<Object> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) elements.add(keptValue(parser));
                yield elements;
            }
            default -> VALUE.readValue(parser);
        };
    }

    /** Wraps a tree element as an object, or says why it is not one. */
    @SuppressWarnings("unchecked")
    public static StixObject toObject(Object tree, String where) {
        if (tree instanceof Map<?, ?> map) {
            return StixObject.of((Map<String, Object>) map);
        }
        throw new StixParseException(where + " is not a JSON object but " + describe(tree), -1, -1);
    }

    /**
     * Streams the objects of a bundle (or of a TAXII envelope, or a JSON array of objects, or a single
     * object) without holding the document in memory.
     */
    public static BundleReader openBundle(InputStream in) {
        try {
            ElementText input = new ElementText(in);
            JsonParser parser = FACTORY.createParser(input);
            return new BundleReader(parser, input, MAPPER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] write(Object tree) {
        try {
            return MAPPER.writeValueAsBytes(tree instanceof StixObject o ? o.properties() : tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String writeString(Object tree) {
        return new String(write(tree), StandardCharsets.UTF_8);
    }

    /** RFC 8785 canonical JSON: the bytes that signatures and deterministic ids are computed over. */
    public static byte[] canonical(Object tree) {
        try {
            return new JsonCanonicalizer(write(tree)).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot canonicalise: " + e.getMessage(), e);
        }
    }

    /** A small ordered map builder for code that writes JSON bodies. */
    public static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return map;
    }

    static String describe(Object tree) {
        if (tree == null) return "null";
        if (tree instanceof String) return "a string";
        if (tree instanceof Boolean) return "a boolean";
        if (tree instanceof Number) return "a number";
        if (tree instanceof java.util.List) return "an array";
        return "an object";
    }

    static boolean isStartOfValue(JsonToken token) {
        return token != null && token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT;
    }
}
