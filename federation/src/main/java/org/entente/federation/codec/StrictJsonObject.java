package org.entente.federation.codec;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON object of a federation document, read field by field: every getter names the field it reads
 * in its error, and {@link #allowOnly} rejects fields nobody asked for. Unknown fields are refused
 * rather than ignored because a signed document whose receiver silently drops a field is a document
 * whose signature covers more than the receiver acts upon.
 */
public final class StrictJsonObject {
    private final Map<String, Object> fields;
    private final String path;

    private StrictJsonObject(Map<String, Object> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    /** Wraps a tree from {@code StixJson.readTree}; the root must be an object. */
    public static StrictJsonObject root(Object tree) {
        return of(tree, "");
    }

    @SuppressWarnings("unchecked")
    private static StrictJsonObject of(Object tree, String path) {
        if (tree instanceof Map<?, ?> map) return new StrictJsonObject((Map<String, Object>) map, path);
        throw new JsonFieldException(path, "must be a JSON object, not " + describe(tree));
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** The path of a field of this object, for messages. */
    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Refuses any field not in {@code names}. */
    public StrictJsonObject allowOnly(Set<String> names) {
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            throw new JsonFieldException(pathOf(unknown.iterator().next()), "is not a known field");
        }
        return this;
    }

    public Object required(String name) {
        if (!fields.containsKey(name)) throw new JsonFieldException(pathOf(name), "is missing");
        return fields.get(name);
    }

    public String string(String name) {
        return asString(required(name), pathOf(name));
    }

    /** A field that may be absent; when present it must be a string (JSON null is not absence). */
    public Optional<String> optionalString(String name) {
        return fields.containsKey(name) ? Optional.of(string(name)) : Optional.empty();
    }

    public boolean bool(String name) {
        if (required(name) instanceof Boolean b) return b;
        throw wrongType(name, "a boolean");
    }

    public long integer(String name) {
        Object value = required(name);
        if (value instanceof Integer || value instanceof Long) return ((Number) value).longValue();
        if (value instanceof BigInteger) throw new JsonFieldException(pathOf(name), "is out of range");
        throw wrongType(name, "an integer");
    }

    public StrictJsonObject object(String name) {
        return of(required(name), pathOf(name));
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        if (required(name) instanceof List<?> l) return (List<Object>) l;
        throw wrongType(name, "an array");
    }

    /** An array of strings, each element checked and named by index in errors. */
    public List<String> strings(String name) {
        List<Object> raw = list(name);
        for (int i = 0; i < raw.size(); i++) asString(raw.get(i), pathOf(name) + "[" + i + "]");
        return raw.stream().map(String.class::cast).toList();
    }

    /** Element {@code index} of array field {@code name} as an object. */
    public StrictJsonObject element(String name, int index) {
        return of(list(name).get(index), pathOf(name) + "[" + index + "]");
    }

    public byte[] base64Url(String name) {
        return Base64Url.decode(string(name), pathOf(name));
    }

    private static String asString(Object value, String path) {
        if (value instanceof String s) return s;
        throw new JsonFieldException(path, "must be a string, not " + describe(value));
    }

    private JsonFieldException wrongType(String name, String expected) {
        return new JsonFieldException(pathOf(name), "must be " + expected + ", not " + describe(fields.get(name)));
    }

    static String describe(Object value) {
        if (value == null) return "null";
        if (value instanceof String) return "a string";
        if (value instanceof Boolean) return "a boolean";
        if (value instanceof Number) return "a number";
        if (value instanceof List<?>) return "an array";
        return "an object";
    }
}
