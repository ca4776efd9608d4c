package org.entente.server;

import java.nio.file.Path;
import java.util.Objects;
import org.entente.server.federation.MemberProfile;

/**
 * How to run a node. {@code dbUrl} null means the embedded SQLite store in {@code dataDir};
 * {@code port} 0 picks a free port; {@code adminToken} null means "use the one made at first start, or
 * make one"; {@code federationPort} is the HTTPS port for peers (0 picks a free one); {@code profile}
 * describes the member this node acts for when its keys are first made. {@code followingStages} runs the
 * stages that follow the store (the correlation index and detect stages); always on for a serving node, off
 * only where a benchmark measures ingest and sync alone.
 */
public record NodeConfig(
        Path dataDir, String host, int port, String dbUrl, long maxContentLength, String adminToken, String title,
        int federationPort, MemberProfile profile, boolean followingStages) {
    public static final long DEFAULT_MAX_CONTENT_LENGTH = 100L * 1024 * 1024;

    public NodeConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        if (maxContentLength < 1) throw new IllegalArgumentException("maxContentLength must be positive");
        if (title == null) title = "Entente node";
        if (profile == null) profile = MemberProfile.UNNAMED;
    }

    /** A node that runs every stage. */
    public NodeConfig(Path dataDir, String host, int port, String dbUrl, long maxContentLength, String adminToken,
                      String title, int federationPort, MemberProfile profile) {
        this(dataDir, host, port, dbUrl, maxContentLength, adminToken, title, federationPort, profile, true);
    }

    public static NodeConfig local(Path dataDir, int port) {
        return new NodeConfig(dataDir, "127.0.0.1", port, null, DEFAULT_MAX_CONTENT_LENGTH, null, null, 0, null);
    }

    public NodeConfig withAdminToken(String token) {
        return new NodeConfig(dataDir, host, port, dbUrl, maxContentLength, token, title, federationPort, profile, followingStages);
    }

    public NodeConfig withDbUrl(String url) {
        return new NodeConfig(dataDir, host, port, url, maxContentLength, adminToken, title, federationPort, profile, followingStages);
    }

    public NodeConfig withProfile(MemberProfile profile) {
        return new NodeConfig(dataDir, host, port, dbUrl, maxContentLength, adminToken, title, federationPort, profile, followingStages);
    }

    public NodeConfig withFederationPort(int federationPort) {
        return new NodeConfig(dataDir, host, port, dbUrl, maxContentLength, adminToken, title, federationPort, profile, followingStages);
    }

    public NodeConfig withMaxContentLength(long bytes) {
        return new NodeConfig(dataDir, host, port, dbUrl, bytes, adminToken, title, federationPort, profile, followingStages);
    }

    /** The same node without the correlation index and detect stages (benchmarks of ingest and sync alone). */
    public NodeConfig withFollowingStages(boolean on) {
        return new NodeConfig(dataDir, host, port, dbUrl, maxContentLength, adminToken, title, federationPort, profile, on);
    }
}
