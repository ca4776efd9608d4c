package org.entente.server.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.codec.BundleReader;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;
import org.entente.server.NodeSetup;
import org.entente.server.ingest.Ingest;
import org.entente.server.ingest.IngestSummary;
import org.entente.server.ingest.Outcome;
import org.entente.store.CollectionInfo;
import org.entente.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code entente import}: STIX bundles from files, directories (recursively) and gzip, streamed so that
 * a file of any size fits. A file that is not well-formed JSON is refused whole before anything of it is
 * stored; within a well-formed file, invalid objects are rejected one by one with their reasons.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import STIX 2.1 bundles (.json, .json.gz, or directories of them) into a collection.")
final class ImportCommand implements Callable<Integer> {
    private static final int SHOWN_REJECTIONS = 20;

    @Mixin
    StoreOptions store;

    @Option(names = "--collection", defaultValue = NodeSetup.DEFAULT_COLLECTION,
            description = "Collection id or alias. Default: ${DEFAULT-VALUE}.")
    String collection;

    @Option(names = "--batch", defaultValue = "" + Ingest.DEFAULT_BATCH, description = "Objects per transaction.")
    int batch;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Bundle files or directories.")
    List<Path> inputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = expand(inputs);
        int exit = 0;
        try (Store s = store.open()) {
            NodeSetup.ensure(s, store.dataDir, System.getenv("ENTENTE_ADMIN_TOKEN"));
            Optional<CollectionInfo> target = s.collections().find(collection);
            if (target.isEmpty()) {
                err.println("entente import: no collection '" + collection + "'; create it with 'entente collection add'");
                return 2;
            }
            Ingest ingest = new Ingest(s.objects(), StixValidator.stix21());
            for (Path file : files) {
                exit = Math.max(exit, importFile(file, target.get().id(), ingest, out, err));
            }
        }
        return exit;
    }

    private int importFile(Path file, String collectionId, Ingest ingest, PrintWriter out, PrintWriter err) throws IOException {
        Optional<String> malformed = checkWellFormed(file);
        if (malformed.isPresent()) {
            err.println(file + ": refused, nothing stored: " + malformed.get());
            return 2;
        }
        IngestSummary summary = new IngestSummary(SHOWN_REJECTIONS);
        long size = Files.size(file);
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file));
             BundleReader reader = StixJson.openBundle(decompressed(file, counted));
             ProgressBar bar = progress(file, size)) {
            ingest.stream(collectionId, elements(reader, () -> {
                if (bar != null) bar.stepTo(counted.count);
            }), batch, summary);
            if (bar != null) bar.stepTo(size);
        }
        out.printf("%s: %d objects: %d added, %d already present, %d rejected%n",
                file, summary.total(), summary.added(), summary.unchanged(), summary.rejected());
        for (Outcome rejection : summary.firstRejections()) {
            out.printf("  rejected objects[%d]%s: %s%n", rejection.index(),
                    rejection.id() == null ? "" : " " + rejection.id(), rejection.reason());
        }
        if (summary.rejected() > SHOWN_REJECTIONS) {
            out.printf("  … and %d more rejected%n", summary.rejected() - SHOWN_REJECTIONS);
        }
        return summary.rejected() > 0 ? 1 : 0;
    }

    private ProgressBar progress(Path file, long size) {
        if (noProgress) return null;
        return new ProgressBarBuilder().setTaskName(file.getFileName().toString()).setInitialMax(size)
                .setUnit(" MiB", 1 << 20).setUpdateIntervalMillis(250).showSpeed().build();
    }

    /** A full streaming pass that only checks syntax: cheap next to validation and storage. */
    private static Optional<String> checkWellFormed(Path file) throws IOException {
        try (InputStream in = decompressed(file, Files.newInputStream(file));
             BundleReader reader = StixJson.openBundle(in)) {
            while (reader.next().isPresent()) {
                // reading is the check
            }
            return Optional.empty();
        } catch (StixParseException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static InputStream decompressed(Path file, InputStream raw) throws IOException {
        InputStream buffered = new BufferedInputStream(raw, 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    private static Iterator<Element> elements(BundleReader reader, Runnable onEach) {
        return new Iterator<>() {
            private Element next = advance();

            private Element advance() {
                onEach.run();
                return reader.next().orElse(null);
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Element next() {
                if (next == null) throw new NoSuchElementException();
                Element current = next;
                next = advance();
                return current;
            }
        };
    }

    private static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".json.gz"))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new UncheckedIOException(new IOException("no such file or directory: " + input));
            }
        }
        return files;
    }

    /** Counts compressed bytes read, for a progress bar in file-size units. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
