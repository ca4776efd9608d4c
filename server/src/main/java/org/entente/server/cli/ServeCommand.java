package org.entente.server.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.entente.server.Node;
import org.entente.server.NodeConfig;
import org.entente.server.NodeSetup;
import org.entente.server.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code entente serve}: runs a node until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start a node: TAXII 2.1 at http://HOST:PORT/taxii2/, health at /healthz, metrics at /metrics.")
final class ServeCommand implements Runnable {
    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--max-content-length", paramLabel = "BYTES", defaultValue = "104857600",
            description = "Largest request body accepted. Default: ${DEFAULT-VALUE}.")
    long maxContentLength;

    @Option(names = "--demo", description = "Load the generated demo data set (idempotent) before serving.")
    boolean demo;

    @Option(names = "--federation-port", paramLabel = "N",
            description = "HTTPS port for peers (mutual TLS). Default: the TAXII port + 1 (0 when --port is 0).")
    Integer federationPort;

    @Mixin
    MemberOptions member;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        int peersPort = federationPort != null ? federationPort : port == 0 ? 0 : port + 1;
        NodeConfig config = new NodeConfig(store.dataDir, host, port, store.dbUrl, maxContentLength,
                System.getenv("ENTENTE_ADMIN_TOKEN"), null, peersPort, member.profile());
        Node node = Node.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "entente-shutdown"));
        if (demo) {
            var summary = DemoData.load(node.store());
            out.printf("demo data: %d objects added, %d already present, in collection '%s'%n",
                    summary.added(), summary.unchanged(), NodeSetup.DEFAULT_COLLECTION);
        }
        out.println("Entente node serving at " + node.url());
        out.println("TAXII 2.1 discovery: " + node.taxiiUrl());
        out.println("member " + node.federation().identity().member() + ", peers connect to " + node.federation().url()
                + " --fingerprint " + node.federation().identity().tls().fingerprint().hex());
        out.println("objects of collection 'default': " + node.taxiiUrl() + Node.API_ROOT.name() + "/collections/"
                + NodeSetup.DEFAULT_COLLECTION + "/objects/");
        node.generatedAdminToken().ifPresentOrElse(
                token -> out.println("admin token (shown once, also in " + store.dataDir.resolve(NodeSetup.TOKEN_FILE)
                        + "): " + token),
                () -> out.println("admin token: " + (System.getenv("ENTENTE_ADMIN_TOKEN") != null
                        ? "from ENTENTE_ADMIN_TOKEN" : "in " + store.dataDir.resolve(NodeSetup.TOKEN_FILE))));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
