package org.entente.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.entente.core.stix.codec.StixJson;

/** A TAXII 2.1 client over real HTTP for tests: each call returns status, headers and the parsed body. */
public final class TaxiiClient {
    public static final String TAXII = "application/taxii+json;version=2.1";

    public record Response(int status, java.net.http.HttpHeaders headers, byte[] raw) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return raw.length == 0 ? Map.of() : (Map<String, Object>) StixJson.readTree(raw);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    public TaxiiClient(String base, String authorization) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = authorization;
    }

    public static TaxiiClient bearer(String base, String token) {
        return new TaxiiClient(base, "Bearer " + token);
    }

    public TaxiiClient as(String authorizationHeader) {
        return new TaxiiClient(base, authorizationHeader);
    }

    public Response get(String path) {
        return send(request(path).GET().header("Accept", TAXII));
    }

    public Response get(String path, Map<String, String> query) {
        String q = query.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return get(path + (q.isEmpty() ? "" : "?" + q));
    }

    public Response post(String path, byte[] body, String contentType) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", TAXII).header("Content-Type", contentType));
    }

    public Response post(String path, Object jsonTree) {
        return post(path, StixJson.write(jsonTree), TAXII);
    }

    public Response delete(String path) {
        return send(request(path).DELETE().header("Accept", TAXII));
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) b.header("Authorization", authorization);
        return b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
