package org.entente.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.util.Optional;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.StixValidator;
import org.entente.server.access.AuthenticationException;
import org.entente.server.access.Authenticator;
import org.entente.server.access.PasswordHasher;
import org.entente.server.api.ApiResponse;
import org.entente.server.api.ApiRoutes;
import org.entente.server.api.HttpMetrics;
import org.entente.server.detect.ClusterDetections;
import org.entente.server.detect.Detector;
import org.entente.server.detect.HeldIndicators;
import org.entente.server.detect.ObservationIntake;
import org.entente.server.federation.Federation;
import org.entente.server.index.Correlation;
import org.entente.server.index.CorrelationIndexer;
import org.entente.server.ingest.FeedFile;
import org.entente.server.ingest.FeedPull;
import org.entente.server.ingest.Ingest;
import org.entente.server.share.CommunityPosts;
import org.entente.server.share.SightingShares;
import org.entente.server.share.WarningShares;
import org.entente.server.taxii.ApiRoot;
import org.entente.server.taxii.TaxiiException;
import org.entente.server.taxii.TaxiiResponse;
import org.entente.server.taxii.TaxiiRoutes;
import org.entente.server.warn.CrossBorderClusterRule;
import org.entente.server.warn.WarningSettings;
import org.entente.server.warn.Warnings;
import org.entente.store.CollectionInfo;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: the store, the stages of the data flow and the HTTP interfaces, wired together.
 * Start with {@link #start}; {@link #close} stops serving and closes the store.
 */
public final class Node implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);
    public static final ApiRoot API_ROOT = new ApiRoot("node", "This node's collections",
            "STIX 2.1 objects stored on this node; each collection has its own read and write rights", null);

    /** How often the correlation index looks for newly stored objects. */
    private static final java.time.Duration INDEX_INTERVAL = java.time.Duration.ofMillis(250);
    /** The window within which the countries of a cross-border cluster are counted. */
    private static final java.time.Duration CLUSTER_WINDOW = java.time.Duration.ofDays(7);

    private final Store store;
    private final Federation federation;
    private final FeedPull feeds;
    private final CorrelationIndexer indexer;
    private final Correlation correlation;
    private final Detector detector;
    private final Warnings warnings;
    private final Javalin http;
    private final String url;
    private final Optional<String> generatedAdminToken;

    private Node(Store store, Federation federation, FeedPull feeds, Warnings warnings, CorrelationIndexer indexer,
                 Correlation correlation, Detector detector, Javalin http, String url, Optional<String> generatedAdminToken) {
        this.store = store;
        this.federation = federation;
        this.feeds = feeds;
        this.warnings = warnings;
        this.indexer = indexer;
        this.correlation = correlation;
        this.detector = detector;
        this.http = http;
        this.url = url;
        this.generatedAdminToken = generatedAdminToken;
    }

    public static Node start(NodeConfig config) {
        return start(config, WarningSettings.DEFAULT);
    }

    /** A node whose warn stage runs with the given rules, deadlines and retry timings. */
    public static Node start(NodeConfig config, WarningSettings warningSettings) {
        Store store = StoreFactory.open(config.dataDir(), config.dbUrl());
        Federation federation = null;
        CorrelationIndexer indexer = null;
        Detector detector = null;
        Warnings warnings = null;
        try {
            Optional<String> generated = NodeSetup.ensure(store, config.dataDir(), config.adminToken());
            Clock clock = Clock.systemUTC();
            Ingest ingest = new Ingest(store.objects(), StixValidator.stix21());
            federation = Federation.start(config, store, ingest, StixValidator.stix21(), clock);
            warnings = Warnings.of(store, clock, warningSettings, new WarningShares(federation.sharing())).start();
            Correlation correlation = new Correlation(store, clock);
            MemberId local = federation.identity().member();
            Warnings raising = warnings;
            // The detect stage: indicators loaded before the node serves, so the first observation already meets them.
            detector = new Detector(store, local, new HeldIndicators(), batch -> raising.raise(batch), Detector.DEFAULT_BATCH, clock);
            detector.loadIndicators();
            ObservationIntake observations = new ObservationIntake(store, local, detector.indicators(),
                    new SightingShares(federation.sharing()), clock);
            Javalin http = http(config, store, ingest, federation, warnings, correlation, observations, clock);
            http.start(config.host(), config.port());
            String url = "http://" + config.host() + ":" + http.port() + "/";
            LOG.info("node of {} serving at {} (store {}, TAXII at {}taxii2/, peers at {})",
                    federation.identity().member(), url, store.dialect(), url, federation.url());
            indexer = new CorrelationIndexer(store, local, CorrelationIndexer.DEFAULT_BATCH);
            ClusterDetections clusters = new ClusterDetections(store, local, d -> raising.raise(d), clock);
            int k = clusterCountries(warningSettings);
            indexer.onIndexed(added -> clusters.accept(correlation.reached(added, k, CLUSTER_WINDOW)));
            if (config.followingStages()) {
                indexer.start(INDEX_INTERVAL);
                detector.start(INDEX_INTERVAL);
            } else {
                LOG.warn("the correlation index and detect stages are off (a benchmark of ingest and sync alone)");
            }
            FeedPull feeds = new FeedPull(new FeedFile(config.dataDir()), store.collections(), ingest, clock).start();
            return new Node(store, federation, feeds, warnings, indexer, correlation, detector, http, url, generated);
        } catch (RuntimeException e) {
            if (detector != null) detector.close();
            if (indexer != null) indexer.close();
            if (warnings != null) warnings.close();
            if (federation != null) federation.close();
            store.close();
            throw e;
        }
    }

    /** The countries a cluster must span for the cross-border rule (3 when the rule is not in use). */
    private static int clusterCountries(WarningSettings settings) {
        return settings.rules().stream().filter(CrossBorderClusterRule.class::isInstance).map(CrossBorderClusterRule.class::cast)
                .mapToInt(CrossBorderClusterRule::minCountries).min().orElse(3);
    }

    private static Javalin http(NodeConfig config, Store store, Ingest ingest, Federation federation, Warnings warnings,
                                Correlation correlation, ObservationIntake observations, Clock clock) {
        Authenticator authenticator = new Authenticator(store.accounts(), new PasswordHasher(), clock);
        HttpMetrics metrics = new HttpMetrics(() -> store.collections().list().stream()
                .map(CollectionInfo::id).mapToLong(store.objects()::countObjects).sum());
        return Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.prefer405over404 = true;
            cfg.startup.showJavalinBanner = false;
            // Bodies are read through a bounded stream by the endpoints, which answer 413 themselves.
            cfg.http.maxRequestSize = config.maxContentLength();
            cfg.requestLogger.http((ctx, ms) -> {
                metrics.record(ctx.method().name(), route(ctx), ctx.statusCode(), ms);
                logRequest(ctx, ms);
            });
            cfg.routes.get("/healthz", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
            cfg.routes.get("/metrics", metrics::scrape);
            TaxiiRoutes.register(cfg.routes, store, authenticator, ingest,
                    new CommunityPosts(store, federation.sharing(), federation.identity().member()), API_ROOT, config.title(),
                    config.maxContentLength(), clock);
            ApiRoutes.register(cfg.routes, store, authenticator, ingest, federation, correlation, warnings, observations);
            cfg.routes.exception(TaxiiException.class, (e, ctx) -> TaxiiResponse.error(ctx, e.status(), e.title(), e.description()));
            cfg.routes.exception(AuthenticationException.class, (e, ctx) -> {
                ctx.header("WWW-Authenticate", "Basic realm=\"entente\", Bearer realm=\"entente\"");
                error(ctx, 401, "Unauthorized", e.getMessage());
            });
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), "Error", e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method().name(), ctx.path(), e);
                error(ctx, 500, "Internal error", "the server failed to handle this request; the node's log has the details");
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.result() == null) error(ctx, 404, "Not found", "no resource at " + ctx.path());
            });
            cfg.routes.error(405, ctx -> error(ctx, 405, "Method not allowed", ctx.method().name() + " is not allowed on " + ctx.path()));
        });
    }

    /** Errors in the format of the interface asked: RFC 9457 problems for REST, TAXII error messages elsewhere. */
    private static void error(Context ctx, int status, String title, String description) {
        if (ctx.path().startsWith(ApiRoutes.BASE + "/")) {
            ApiResponse.problem(ctx, status, title, description);
        } else {
            TaxiiResponse.error(ctx, status, title, description);
        }
    }

    /**
     * One line per request: INFO for every write and every error, so that those stay traceable; DEBUG
     * for successful reads, which are the bulk of the traffic and whose synchronous log line cost as
     * much as serving a small TAXII page (docs/PERFORMANCE.md, section 4).
     */
    private static void logRequest(Context ctx, float ms) {
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD
                || ctx.method() == HandlerType.OPTIONS;
        boolean routine = read && ctx.statusCode() < 400;
        if (routine ? !LOG.isDebugEnabled() : !LOG.isInfoEnabled()) return;
        String line = String.format("%s %s %d %.1fms user=%s", ctx.method().name(), ctx.path(), ctx.statusCode(), ms,
                Optional.ofNullable(ctx.attribute("entente.principal")).orElse("-"));
        if (routine) {
            LOG.debug(line);
        } else {
            LOG.info(line);
        }
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException noEndpoint) {
            return "unmatched";
        }
    }

    public String url() {
        return url;
    }

    public String taxiiUrl() {
        return url + "taxii2/";
    }

    public int port() {
        return http.port();
    }

    public Store store() {
        return store;
    }

    public Federation federation() {
        return federation;
    }

    /** The index stage of correlation; {@link CorrelationIndexer#catchUp()} indexes what is stored now. */
    public CorrelationIndexer correlationIndexer() {
        return indexer;
    }

    /** Correlation queries, answered for a given member through the sharing policy. */
    public Correlation correlation() {
        return correlation;
    }

    /** The detect stage; {@link Detector#catchUp()} matches what is stored now. */
    public Detector detector() {
        return detector;
    }

    /** The warn stage: raise warnings from detections, deliver, acknowledge, escalate. */
    public Warnings warnings() {
        return warnings;
    }

    /** The admin token generated at this start (first start without ENTENTE_ADMIN_TOKEN), to show once. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    @Override
    public void close() {
        feeds.close();
        // Ends the open event streams first, so that stopping the HTTP server does not wait on them.
        warnings.close();
        http.stop();
        detector.close();
        indexer.close();
        federation.close();
        store.close();
        LOG.info("node at {} stopped", url);
    }
}
