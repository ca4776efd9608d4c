package org.entente.server.cli;

import java.io.IOException;
import java.io.Writer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.entente.core.policy.MemberId;
import org.entente.server.NodeSetup;
import org.entente.server.access.Viewer;
import org.entente.server.access.VisibleObjects;
import org.entente.server.taxii.TaxiiException;
import org.entente.server.taxii.TaxiiQuery;
import org.entente.store.CollectionInfo;
import org.entente.store.ObjectQuery;
import org.entente.store.Page;
import org.entente.store.Store;
import org.entente.store.StoredVersion;
import org.entente.store.VersionSelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code entente export}: a collection as one STIX bundle, with the filters of TAXII (they are parsed by
 * the same code, so they mean exactly the same), streamed page by page.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a collection as a STIX 2.1 bundle, filtered like TAXII GET objects.")
final class ExportCommand implements Callable<Integer> {
    private static final int PAGE = 5_000;

    @Mixin
    StoreOptions store;

    @Option(names = "--collection", defaultValue = NodeSetup.DEFAULT_COLLECTION, description = "Collection id or alias.")
    String collection;

    @Option(names = "--id", split = ",", description = "Only these object ids (match[id]).")
    List<String> ids;

    @Option(names = "--type", split = ",", description = "Only these types (match[type]).")
    List<String> types;

    @Option(names = "--versions", split = ",", description = "first, last (default), all, or timestamps (match[version]).")
    List<String> versions;

    @Option(names = "--spec-version", split = ",", description = "Only these spec versions (match[spec_version]).")
    List<String> specVersions;

    @Option(names = "--added-after", description = "Only versions added after this timestamp.")
    String addedAfter;

    @Option(names = "--as-member", paramLabel = "ID",
            description = "Export only what the sharing policy lets this member receive (for a member hosted on this node).")
    String asMember;

    @Option(names = {"-o", "--output"}, description = "Write to this file instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ObjectQuery query;
        try {
            query = TaxiiQuery.parse(parameters(), java.util.Set.of("id", "type", "version", "spec_version"), VersionSelector.LAST)
                    .withLimit(PAGE);
        } catch (TaxiiException e) {
            err.println("entente export: " + e.getMessage());
            return 2;
        }
        MemberId member;
        try {
            member = asMember == null ? null : new MemberId(asMember.strip());
        } catch (IllegalArgumentException e) {
            err.println("entente export: --as-member: " + e.getMessage());
            return 2;
        }
        try (Store s = store.open()) {
            CollectionInfo target = s.collections().find(collection).orElse(null);
            if (target == null) {
                err.println("entente export: no collection '" + collection + "'");
                return 2;
            }
            VisibleObjects visible = new VisibleObjects(s);
            Viewer viewer = member == null ? Viewer.node() : visible.viewerFor(member);
            long count = 0;
            Writer out = output == null ? spec.commandLine().getOut()
                    : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
            try {
                out.write("{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[");
                Page page;
                long after = 0;
                do {
                    page = visible.find(viewer, target.id(), query.withAfterSeq(after));
                    for (StoredVersion v : page.items()) {
                        if (count++ > 0) out.write(',');
                        out.write('\n');
                        out.write(v.json());
                    }
                    after = page.nextSeq();
                } while (page.more());
                out.write("\n]}\n");
            } finally {
                // Standard output belongs to the caller: flush it, close only our own file.
                if (output == null) out.flush(); else out.close();
            }
            if (output != null) spec.commandLine().getOut().println(output + ": " + count + " objects");
        }
        return 0;
    }

    private Map<String, List<String>> parameters() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        put(params, "match[id]", ids);
        put(params, "match[type]", types);
        put(params, "match[version]", versions);
        put(params, "match[spec_version]", specVersions);
        if (addedAfter != null) params.put("added_after", List.of(addedAfter));
        return params;
    }

    private static void put(Map<String, List<String>> params, String name, List<String> values) {
        if (values != null && !values.isEmpty()) params.put(name, List.of(String.join(",", values)));
    }
}
