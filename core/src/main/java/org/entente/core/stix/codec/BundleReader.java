package org.entente.core.stix.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.entente.core.stix.StixObject;

/**
 * Reads the objects of one document one at a time: a bundle ({@code {"type":"bundle","objects":[…]}}),
 * a TAXII envelope ({@code {"objects":[…]}}) or a JSON array of objects. Properties of the container
 * other than {@code objects} are read past. Memory stays bounded by the largest single object.
 *
 * <p>An element of {@code objects} that is valid JSON but not an object is returned as an
 * {@link Element} with an error, so the caller can reject it and go on; malformed JSON ends the stream
 * with a {@link StixParseException}.
 */
public final class BundleReader implements AutoCloseable {
    /**
     * One element of the objects array, or why it is not an object. {@code json} is the object's JSON text
     * as read, without whitespace between tokens; null when it is not known (the element was not read from
     * a document, or not from UTF-8 bytes), and then the object has to be written to JSON to get it.
     */
    public record Element(int index, StixObject object, String error, String json) {
        public Element(int index, StixObject object, String error) {
            this(index, object, error, null);
        }

        public boolean ok() {
            return object != null;
        }
    }

    private final JsonParser parser;
    private final ElementText input;
    private final ObjectReader elements;
    private boolean inArray;
    /** True when the objects array sits inside a container object (bundle or envelope), not at the root. */
    private boolean inContainer;
    private boolean done;
    private int index;
    private String bundleId;
    private String specVersion;

    BundleReader(JsonParser parser, ElementText input, ObjectMapper mapper) {
        this.parser = parser;
        this.input = input;
        // Each element is one value in the middle of the document: more tokens after it are expected, so the
        // mapper's trailing-token check (right for whole documents) must not run per element.
        this.elements = mapper.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The bundle's {@code id} when it came before {@code objects} in the document. */
    public Optional<String> bundleId() {
        return Optional.ofNullable(bundleId);
    }

    /**
     * The container's {@code spec_version} when it came before {@code objects}: STIX 2.0 bundles carry
     * {@code "2.0"} there (their objects carry none); a 2.1 bundle has none.
     */
    public Optional<String> specVersion() {
        return Optional.ofNullable(specVersion);
    }

    /** The next element, or empty at the end of the document. */
    public Optional<Element> next() {
        try {
            if (done) return Optional.empty();
            if (!inArray && !start()) {
                done = true;
                return Optional.empty();
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finish();
                return Optional.empty();
            }
            if (token == null) throw new StixParseException("malformed JSON: unexpected end of input", -1, -1);
            return Optional.of(read());
        } catch (JsonProcessingException e) {
            done = true;
            throw StixParseException.of(e);
        } catch (IOException e) {
            done = true;
            throw new UncheckedIOException(e);
        }
    }

    private Element read() throws IOException {
        int at = index++;
        // Byte offsets are -1 when Jackson decodes another encoding than UTF-8 through a Reader.
        long start = parser.currentTokenLocation().getByteOffset();
        if (start >= 0) input.startAt(start);
        Object value;
        try {
            value = elements.readValue(parser);
        } finally {
            // Taken below if needed; the bytes stay until the next read from the input.
            input.endElement();
        }
        if (value instanceof Map<?, ?>) {
            long end = parser.currentLocation().getByteOffset();
            String json = start >= 0 && end >= 0 ? input.text(start, end) : null;
            return new Element(at, StixJson.toObject(value, "objects[" + at + "]"), null, json);
        }
        return new Element(at, null, "objects[" + at + "] is not a JSON object but " + StixJson.describe(value));
    }

    /** Positions the parser on the first element; false when the container has no objects. */
    private boolean start() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            inArray = true;
            return true;
        }
        if (first != JsonToken.START_OBJECT) {
            throw new StixParseException(first == null ? "empty document" : "document is not a JSON object or array",
                    parser.currentLocation().getLineNr(), parser.currentLocation().getColumnNr());
        }
        // Peek at the first field: a STIX object starts with its own properties, a container with its.
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT) {
                requireEndOfInput();
                return false;
            }
            String field = parser.currentName();
            JsonToken valueToken = parser.nextToken();
            if ("objects".equals(field) && valueToken == JsonToken.START_ARRAY) {
                inArray = true;
                inContainer = true;
                return true;
            }
            if ("type".equals(field) && valueToken == JsonToken.VALUE_STRING && !"bundle".equals(parser.getText())) {
                throw new StixParseException(
                        "a single object must be sent alone, not streamed; wrap it in a bundle", -1, -1);
            }
            if ("id".equals(field) && valueToken == JsonToken.VALUE_STRING) {
                bundleId = parser.getText();
            }
            if ("spec_version".equals(field) && valueToken == JsonToken.VALUE_STRING) {
                specVersion = parser.getText();
            }
            parser.skipChildren();
        }
    }

    private void finish() throws IOException {
        done = true;
        // Read the rest of the container, then insist on the end of input, so trailing garbage is reported.
        if (inContainer) {
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token == null) throw new StixParseException("malformed JSON: unexpected end of input", -1, -1);
                parser.nextToken();
                parser.skipChildren();
            }
        }
        requireEndOfInput();
    }

    private void requireEndOfInput() throws IOException {
        if (parser.nextToken() != null) {
            throw new StixParseException("malformed JSON: trailing content after the document",
                    parser.currentLocation().getLineNr(), parser.currentLocation().getColumnNr());
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
