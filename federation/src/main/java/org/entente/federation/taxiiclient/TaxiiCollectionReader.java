package org.entente.federation.taxiiclient;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;

/**
 * Reads a collection of any TAXII 2.1 server page by page (section 5.4: {@code added_after}, {@code limit},
 * {@code next}). For peers that are plain TAXII servers, and as the fallback where a peer cannot push.
 */
public final class TaxiiCollectionReader {
    private static final String TAXII = "application/taxii+json;version=2.1";

    private final URI objectsUrl;
    private final String authorization;
    private final HttpClient http;

    /**
     * @param collectionUrl the collection's URL, ending in {@code /collections/<id>/}
     * @param authorization the {@code Authorization} header value, or null
     */
    public TaxiiCollectionReader(URI collectionUrl, String authorization, HttpClient http) {
        String base = collectionUrl.toString();
        this.objectsUrl = URI.create(base.endsWith("/") ? base + "objects/" : base + "/objects/");
        this.authorization = authorization;
        this.http = http;
    }

    /**
     * The page after the cursor.
     *
     * @param addedAfter a date_added to read after, or null for the start
     * @param next the server's token from the previous page of this read, or null
     * @throws IOException when the server cannot be reached or answers other than 200 with an envelope
     */
    @SuppressWarnings("unchecked")
    public TaxiiPage read(String addedAfter, String next, int limit) throws IOException {
        StringBuilder query = new StringBuilder("?limit=").append(limit);
        if (addedAfter != null) query.append("&added_after=").append(URLEncoder.encode(addedAfter, StandardCharsets.UTF_8));
        if (next != null) query.append("&next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(objectsUrl.resolve(query.toString()))
                .timeout(Duration.ofSeconds(60)).header("Accept", TAXII).GET();
        if (authorization != null) request.header("Authorization", authorization);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(objectsUrl + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
        }
        Object tree;
        try {
            tree = response.body().length == 0 ? Map.of() : StixJson.readTree(response.body());
        } catch (StixParseException e) {
            throw new IOException(objectsUrl + " sent malformed JSON: " + e.getMessage(), e);
        }
        if (!(tree instanceof Map<?, ?> envelope)) throw new IOException(objectsUrl + " did not send a TAXII envelope");
        List<Map<String, Object>> objects = new ArrayList<>();
        if (envelope.get("objects") instanceof List<?> list) {
            for (Object o : list) if (o instanceof Map<?, ?> m) objects.add((Map<String, Object>) m);
        }
        return new TaxiiPage(objects, Boolean.TRUE.equals(envelope.get("more")),
                envelope.get("next") instanceof String s ? s : null,
                response.headers().firstValue("X-TAXII-Date-Added-Last").orElse(null));
    }
}
