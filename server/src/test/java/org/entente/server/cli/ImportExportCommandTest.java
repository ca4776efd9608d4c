package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.server.testing.SampleObjects.id;
import static org.entente.server.testing.SampleObjects.indicator;
import static org.entente.server.testing.SampleObjects.malware;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.entente.core.stix.codec.StixJson;
import org.entente.store.ObjectQuery;
import org.entente.store.Store;
import org.entente.store.StoreFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportCommandTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    Path bundle(String name, Object... objects) throws IOException {
        Path file = dir.resolve(name);
        byte[] json = StixJson.write(StixJson.object("type", "bundle", "id", id("bundle"), "objects", List.of(objects)));
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(json);
            }
        } else {
            Files.write(file, json);
        }
        return file;
    }

    @Test
    void importStoresValidObjectsReportsRejectionsAndExportGivesThemBack() throws IOException {
        Path data = dir.resolve("data");
        Map<String, Object> good = indicator(id("indicator"), "2026-01-01T00:00:00.000Z");
        Map<String, Object> bad = new LinkedHashMap<>(malware(id("malware")));
        bad.remove("is_family");
        Path plain = bundle("a.json", good, bad);
        Map<String, Object> zipped = malware(id("malware"));
        Files.createDirectories(dir.resolve("more"));
        bundle("more/b.json.gz", zipped);

        CliRun imported = run("import", "--data", data.toString(), "--no-progress", plain.toString(), dir.resolve("more").toString());
        assertThat(imported.exit()).as(imported.err()).isEqualTo(1);
        assertThat(imported.out()).contains("a.json: 2 objects: 1 added, 0 already present, 1 rejected")
                .contains((String) bad.get("id")).contains("is_family")
                .contains("b.json.gz: 1 objects: 1 added");

        CliRun again = run("import", "--data", data.toString(), "--no-progress", dir.resolve("more").toString());
        assertThat(again.out()).contains("0 added, 1 already present");

        Path exported = dir.resolve("out.json");
        CliRun export = run("export", "--data", data.toString(), "-o", exported.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> bundle = (Map<String, Object>) StixJson.readTree(Files.readAllBytes(exported));
        assertThat(bundle).containsEntry("type", "bundle");
        assertThat((List<Object>) bundle.get("objects")).containsExactlyInAnyOrder(good, zipped);

        CliRun onlyMalware = run("export", "--data", data.toString(), "--type", "malware");
        assertThat(onlyMalware.out()).contains((String) zipped.get("id")).doesNotContain((String) good.get("id"));
    }

    @Test
    void aMalformedFileIsRefusedWholeAndNothingOfItIsStored() throws IOException {
        Path data = dir.resolve("data");
        Path file = dir.resolve("broken.json");
        String json = new String(StixJson.write(StixJson.object("type", "bundle", "id", id("bundle"),
                "objects", List.of(malware(id("malware")), malware(id("malware"))))));
        Files.writeString(file, json.substring(0, json.length() - 5));

        CliRun r = run("import", "--data", data.toString(), "--no-progress", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("broken.json: refused, nothing stored").contains("malformed JSON");
        try (Store store = StoreFactory.open(data, null)) {
            String collection = store.collections().find("default").orElseThrow().id();
            assertThat(store.objects().find(collection, ObjectQuery.all()).items()).isEmpty();
        }
    }

    @Test
    void exportRefusesAFilterItDoesNotUnderstand() {
        CliRun r = run("export", "--data", dir.resolve("data").toString(), "--added-after", "last tuesday");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("added_after");
    }

    @Test
    void collectionsAndUsersAreManagedFromTheCommandLine() {
        String data = dir.resolve("data").toString();
        assertThat(run("collection", "add", "fraud", "--data", data, "--title", "Online fraud").exit()).isZero();
        assertThat(run("collection", "add", "fraud", "--data", data).err()).contains("exists already");
        assertThat(run("collection", "list", "--data", data).out()).contains("fraud").contains("Online fraud");
        assertThat(run("user", "add", "analyst", "--data", data).exit()).isZero();
        assertThat(run("user", "grant", "analyst", "fraud", "--read", "--data", data).out()).contains("read=true write=false");
        CliRun token = run("user", "token", "analyst", "--data", data);
        assertThat(token.out().strip()).hasSizeGreaterThan(40);
        assertThat(run("user", "grant", "nobody", "fraud", "--data", data).err()).contains("no user 'nobody'");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("serve", "import", "export", "collection", "user", "keys", "peer", "community", "share")) {
            CliRun r = run(command, "--help");
            assertThat(r.exit()).as(command + ": " + r.err()).isZero();
            assertThat(r.out()).contains("Usage: entente " + command);
        }
    }
}
