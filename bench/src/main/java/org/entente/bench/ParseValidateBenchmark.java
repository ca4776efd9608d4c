package org.entente.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.codec.StixJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * STIX parse + validate against Jackson's plain tree parse of the same bytes: 1,000 objects of the
 * {@link SyntheticStix} mix, serialised once. Scores are objects per second; the figure that matters is
 * {@code stixParseAndValidate / jacksonReadTree}. {@code stixParse} (the codec without validation)
 * splits the difference between parsing and validating.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "--enable-native-access=ALL-UNNAMED"})
public class ParseValidateBenchmark {
    static final int OBJECTS = 1_000;

    private final ObjectMapper jackson = new ObjectMapper();
    private final StixValidator validator = StixValidator.stix21();
    private byte[][] documents;

    @Setup
    public void generate() {
        SyntheticStix objects = new SyntheticStix(7);
        documents = new byte[OBJECTS][];
        for (int i = 0; i < OBJECTS; i++) {
            documents[i] = StixJson.write(objects.next());
        }
        // The fixture must be what the validator accepts, or the comparison measures the error path.
        for (byte[] document : documents) {
            if (validator.validate(StixJson.readObject(document)).stream().anyMatch(v -> v.isError())) {
                throw new IllegalStateException("generated object is invalid: " + new String(document));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(OBJECTS)
    public void jacksonReadTree(Blackhole sink) throws IOException {
        for (byte[] document : documents) {
            sink.consume(jackson.readTree(document));
        }
    }

    @Benchmark
    @OperationsPerInvocation(OBJECTS)
    public void stixParse(Blackhole sink) {
        for (byte[] document : documents) {
            sink.consume(StixJson.readObject(document));
        }
    }

    @Benchmark
    @OperationsPerInvocation(OBJECTS)
    public void stixParseAndValidate(Blackhole sink) {
        for (byte[] document : documents) {
            StixObject object = StixJson.readObject(document);
            sink.consume(validator.validate(object));
        }
    }
}
