package org.entente.server.warn;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.StixJson;
import org.entente.store.AddressedWarning;

/**
 * The Server-Sent Events subscribers, by the member they act for. A subscriber is first replayed what its
 * member has not acknowledged, then sent each new warning addressed to its member as event {@code warning}
 * with the warning id as event id. A warning can arrive twice (raised while the replay runs); its id tells.
 */
final class WarningStream {
    static final String EVENT = "warning";

    private final Map<MemberId, Set<SseClient>> clients = new ConcurrentHashMap<>();
    private final BiConsumer<String, MemberId> delivered;

    /** {@code delivered} records a delivery of a warning to a member. */
    WarningStream(BiConsumer<String, MemberId> delivered) {
        this.delivered = delivered;
    }

    void connect(SseClient client, MemberId member, List<AddressedWarning> unacknowledged) {
        Set<SseClient> forMember = clients.computeIfAbsent(member, m -> ConcurrentHashMap.newKeySet());
        forMember.add(client);
        client.onClose(() -> forMember.remove(client));
        // Oldest first, as they were raised.
        for (int i = unacknowledged.size() - 1; i >= 0; i--) send(client, unacknowledged.get(i));
        client.keepAlive();
    }

    void publish(AddressedWarning warning) {
        for (SseClient client : clients.getOrDefault(warning.recipient().member(), Set.of())) send(client, warning);
    }

    private void send(SseClient client, AddressedWarning warning) {
        synchronized (client) {
            if (client.terminated()) return;
            client.sendEvent(EVENT, StixJson.writeString(WarningJson.view(warning)), warning.warning().id());
        }
        if (!client.terminated()) delivered.accept(warning.warning().id(), warning.recipient().member());
    }

    /**
     * A comment line to every subscriber, so that idle streams are not closed by the server's or a proxy's
     * idle timeout, and so that streams whose client went away are noticed and dropped.
     */
    void heartbeat() {
        for (Set<SseClient> set : clients.values()) {
            for (SseClient client : set) {
                synchronized (client) {
                    if (!client.terminated()) client.sendComment("keep-alive");
                }
            }
        }
    }

    void close() {
        for (Set<SseClient> set : clients.values()) {
            for (SseClient client : set) client.close();
        }
        clients.clear();
    }
}
