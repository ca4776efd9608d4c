package org.entente.server.api;

import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.federation.identity.Fingerprint;
import org.entente.server.federation.Federation;
import org.entente.server.federation.IdentityDocument;
import org.entente.store.OutboxState;
import org.entente.store.Peer;
import org.entente.store.PeerMode;
import org.entente.store.PullCursor;
import org.entente.store.Store;

/**
 * Peers: {@code GET /api/v1/peers} (with sync state and lag), {@code POST /api/v1/peers}
 * ({@code {"url": "https://…", "fingerprint": "…", "mode": "push|pull|pulled", "identity": {…}}}; mode optional; identity, the peer's
 * identity document inline, for a peer this node cannot reach), {@code DELETE /api/v1/peers/{member}},
 * {@code POST /api/v1/peers/{member}/pause|resume}, and {@code GET /api/v1/node} for this node's own
 * identity (what a peer needs to connect). Managing peers takes an admin.
 */
final class PeerEndpoints {
    private final ApiGate gate;
    private final Store store;
    private final Federation federation;

    PeerEndpoints(ApiGate gate, Store store, Federation federation) {
        this.gate = gate;
        this.store = store;
        this.federation = federation;
    }

    void node(Context ctx) {
        gate.enter(ctx);
        var identity = federation.identity();
        ApiResponse.json(ctx, 200, StixJson.object(
                "member", store.members().local().map(m -> PolicyJson.member(m, true)).orElse(null),
                "federation_url", federation.url(),
                "tls_fingerprint", identity.tls().fingerprint().hex(),
                "signing_fingerprint", identity.signingFingerprint().hex()));
    }

    void list(Context ctx) {
        gate.admin(gate.enter(ctx));
        List<Map<String, Object>> peers = store.peers().list().stream().map(this::describe).toList();
        ApiResponse.json(ctx, 200, StixJson.object("peers", peers));
    }

    void add(Context ctx) {
        gate.admin(gate.enter(ctx));
        PolicyJson.Fields body = new PolicyJson.Fields(ApiRequest.jsonBody(ctx), "body", Set.of("url", "fingerprint", "mode", "identity"));
        URI url;
        Fingerprint fingerprint;
        PeerMode mode;
        try {
            String modeLabel = body.string("mode", false);
            mode = modeLabel == null ? null : PeerMode.of(modeLabel);
            url = URI.create(body.string("url", true));
            if (!"https".equals(url.getScheme())) throw new IllegalArgumentException("must be an https:// URL");
            fingerprint = Fingerprint.parse(body.string("fingerprint", true));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        byte[] identity = identityDocument(body.raw("identity"));
        Peer peer;
        try {
            peer = identity == null ? federation.enrolment().enrol(url, fingerprint, mode)
                    : federation.enrolment().enrol(url, fingerprint, mode, identity);
        } catch (IllegalArgumentException e) {
            // Without a document the peer was asked for it over the network; with one, the document itself was refused.
            throw identity == null ? new ApiProblem(502, "Peer not enrolled", e.getMessage())
                    : new ApiProblem(422, "Peer not enrolled", e.getMessage());
        }
        federation.peersChanged();
        ApiResponse.json(ctx, 201, describe(peer));
    }

    /**
     * The peer's identity document sent inline (as {@code entente peer add --identity FILE} reads it from a
     * file), for a peer this node cannot reach; checked here so that a malformed one is a 400 naming what is
     * wrong before anything is stored. Null when absent.
     */
    private static byte[] identityDocument(Object document) {
        if (document == null) return null;
        if (!(document instanceof Map<?, ?>)) {
            throw ApiProblem.badRequest("body.identity must be the peer's identity document (what it serves at"
                    + " /federation/v1/identity) as a JSON object");
        }
        byte[] json = StixJson.write(document);
        try {
            IdentityDocument.parse(json);
        } catch (RuntimeException e) {
            // IdentityDocument and the key-chain codec name the field in every refusal.
            throw ApiProblem.badRequest("body.identity: " + e.getMessage());
        }
        return json;
    }

    void remove(Context ctx) {
        gate.admin(gate.enter(ctx));
        if (!store.peers().remove(member(ctx))) throw ApiProblem.notFound("no peer " + ctx.pathParam("member"));
        federation.peersChanged();
        ctx.status(204);
    }

    void pause(Context ctx) {
        setPaused(ctx, true);
    }

    void resume(Context ctx) {
        setPaused(ctx, false);
    }

    private void setPaused(Context ctx, boolean paused) {
        gate.admin(gate.enter(ctx));
        Peer peer = store.peers().find(member(ctx)).orElseThrow(() -> ApiProblem.notFound("no peer " + ctx.pathParam("member")));
        store.peers().save(peer.withPaused(paused));
        federation.peersChanged();
        ApiResponse.json(ctx, 200, describe(peer.withPaused(paused)));
    }

    private MemberId member(Context ctx) {
        return PolicyJson.memberId(ctx.pathParam("member"), "member");
    }

    private Map<String, Object> describe(Peer peer) {
        OutboxState state = store.outbox().state(peer.member());
        PullCursor pull = peer.mode().pullsFromPeer() ? store.pullCursors().cursor(peer.member()) : null;
        return StixJson.object(
                "member", peer.member().value(),
                "name", store.members().find(peer.member()).map(m -> m.name()).orElse(null),
                "url", peer.url(),
                "tls_fingerprint", peer.tlsFingerprint(),
                "signing_fingerprint", peer.signingKeyFingerprint(),
                "paused", peer.paused(),
                "mode", peer.mode().label(),
                "pending", state.pending(),
                "lag_seconds", state.lag(java.time.Instant.now()).toSeconds(),
                "last_delivered", state.lastDelivered() == null ? null : state.lastDelivered().toString(),
                "last_error", state.lastError(),
                "pull", pull == null ? null : StixJson.object(
                        "pulled_through", pull.pulledThrough(),
                        "last_pulled", pull.lastPulled() == null ? null : pull.lastPulled().toString(),
                        "last_error", pull.lastError()));
    }
}
