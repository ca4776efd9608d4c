package org.entente.federation.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.entente.federation.codec.JsonFieldException;
import org.entente.federation.identity.Fingerprint;
import org.entente.federation.identity.TlsIdentity;
import org.entente.federation.sync.codec.OutboxPageJson;

/**
 * Talks to one peer over HTTPS with mutual TLS: this node presents its certificate and accepts only the
 * peer's pinned one.
 */
public final class PeerClient {
    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public PeerClient(URI base, TlsIdentity own, Fingerprint pinned, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .sslContext(TlsContexts.of(own, PinnedCertificates.only(pinned)))
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public DeliveryResult deliver(byte[] envelope) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(FederationPaths.ENVELOPES))
                .timeout(timeout)
                .header("Content-Type", FederationPaths.ENVELOPE_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            String body = response.body();
            if (status == 202) return new DeliveryResult(DeliveryResult.Kind.ACCEPTED, status, body);
            if (status == 200) return new DeliveryResult(DeliveryResult.Kind.DUPLICATE, status, body);
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                return new DeliveryResult(DeliveryResult.Kind.REJECTED, status, body);
            }
            return new DeliveryResult(DeliveryResult.Kind.UNREACHABLE, status, body);
        } catch (IOException e) {
            return new DeliveryResult(DeliveryResult.Kind.UNREACHABLE, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult(DeliveryResult.Kind.UNREACHABLE, 0, "interrupted");
        }
    }

    /**
     * The page of this node's queue at the peer that follows {@code after}; asking confirms everything up
     * to {@code after}, which the peer then drops from its outbox.
     *
     * @throws IOException when the peer cannot be reached, answers other than 200, sends more than
     *     {@code maxBytes}, or sends a page that is not one
     */
    public OutboxPage outbox(long after, int limit, int maxBytes) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(FederationPaths.OUTBOX + "?after=" + after + "&limit=" + limit))
                .timeout(timeout).GET().build();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (java.io.InputStream in = response.body()) {
                body = in.readNBytes(maxBytes + 1);
            }
            if (response.statusCode() != 200) {
                throw new IOException(base + " answered " + response.statusCode() + " for its outbox: "
                        + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
            }
            if (body.length > maxBytes) throw new IOException(base + " sent an outbox page of more than " + maxBytes + " bytes");
            return OutboxPageJson.read(body, after);
        } catch (JsonFieldException e) {
            throw new IOException(base + " sent a malformed outbox page: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The peer's identity document, as served. */
    public byte[] identity() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(FederationPaths.IDENTITY)).timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(base + " answered " + response.statusCode() + " for its identity");
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
