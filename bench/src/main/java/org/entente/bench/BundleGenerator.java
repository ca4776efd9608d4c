package org.entente.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes a valid STIX 2.1 bundle of N objects from {@link SyntheticStix} to a file, one object at a
 * time, so memory stays flat whatever N is.
 *
 * <p>Usage: {@code BundleGenerator COUNT FILE [SEED]}
 */
public final class BundleGenerator {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private BundleGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BundleGenerator COUNT FILE [SEED]");
            System.exit(2);
        }
        long count = Long.parseLong(args[0].replace("_", ""));
        Path file = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        long started = System.nanoTime();
        write(count, file, seed);
        System.out.printf("wrote %,d objects (%,d bytes) to %s in %.1f s%n",
                count, Files.size(file), file, (System.nanoTime() - started) / 1e9);
    }

    static void write(long count, Path file, long seed) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        SyntheticStix objects = new SyntheticStix(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", "bundle");
            json.writeStringField("id", "bundle--" + UUID.nameUUIDFromBytes(
                    ("entente-bench/" + seed + "/" + count).getBytes(StandardCharsets.UTF_8)));
            json.writeArrayFieldStart("objects");
            json.setPrettyPrinter(new OneObjectPerLine());
            for (long i = 0; i < count; i++) {
                MAPPER.writeValue(json, objects.next());
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    /** Puts each element of the bundle's objects array on its own line, so the file works with line tools. */
    private static final class OneObjectPerLine extends MinimalPrettyPrinter {
        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (g.getOutputContext().getNestingDepth() == 2) g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(g.getOutputContext().getNestingDepth() == 2 ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (g.getOutputContext().getNestingDepth() == 2) g.writeRaw('\n');
            super.writeEndArray(g, nrOfValues);
        }
    }
}
