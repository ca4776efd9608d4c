package org.entente.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.entente.core.policy.Distribution;
import org.entente.core.policy.Grading;
import org.entente.core.policy.HandlingCode;
import org.entente.core.policy.MemberId;
import org.entente.core.policy.Tlp;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.codec.BundleReader;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;
import org.entente.federation.envelope.EnvelopeMarkings;
import org.entente.server.access.MemberWrites;
import org.entente.server.ingest.Ingest;
import org.entente.server.share.ShareReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code entente share FILE --to community:NAME --tlp amber}: shares a bundle's objects with an audience.
 * Envelopes are signed and queued here; the running node delivers them.
 */
@Command(name = "share", mixinStandardHelpOptions = true, description = "Share a STIX bundle with communities or members.")
final class ShareCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Mixin
    MemberOptions member;

    @Parameters(paramLabel = "FILE", description = "A STIX bundle (JSON).")
    Path file;

    @Option(names = "--to", split = ",", description = "community:NAME, member:ID or all-communities; repeatable. None: nobody.")
    List<String> to;

    @Option(names = "--tlp", required = true, description = "clear, green, amber, amber+strict or red.")
    String tlp;

    @Option(names = "--domain", defaultValue = "cyber", description = "Data domain (cyber, fraud, health, …). Default: ${DEFAULT-VALUE}.")
    String domain;

    @Option(names = "--handling-code", description = "H0, H1, H2 or H3.")
    HandlingCode handlingCode;

    @Option(names = "--grading", description = "Admiralty grading, e.g. B2.")
    String grading;

    @Option(names = "--as-member", paramLabel = "ID", description = "Share for this member hosted on this node instead of the"
            + " node's own: its objects are labelled with it as origin and kept on this node, not sent to peers.")
    String asMember;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Distribution audience;
        EnvelopeMarkings markings;
        List<StixObject> objects = new ArrayList<>();
        MemberId hosted;
        try {
            hosted = asMember == null ? null : new MemberId(asMember);
        } catch (IllegalArgumentException e) {
            err.println("entente share: --as-member: " + e.getMessage());
            return 2;
        }
        try {
            audience = audience(to);
            markings = new EnvelopeMarkings(Tlp.parse(tlp).orElseThrow(() -> new IllegalArgumentException("unknown TLP '" + tlp + "'")),
                    domain, Optional.ofNullable(handlingCode), Optional.ofNullable(grading).map(Grading::parse));
            try (InputStream in = Files.newInputStream(file); BundleReader reader = StixJson.openBundle(in)) {
                for (var e = reader.next(); e.isPresent(); e = reader.next()) {
                    if (!e.get().ok()) throw new IllegalArgumentException(e.get().error());
                    objects.add(e.get().object());
                }
            }
        } catch (IllegalArgumentException | StixParseException e) {
            err.println("entente share: " + e.getMessage());
            return 2;
        }
        try (LocalNode node = LocalNode.open(store, member)) {
            ShareReport report;
            if (hosted == null || hosted.equals(node.identity().member())) {
                report = node.sharing().share(objects, audience, markings);
                out.printf("shared %d objects in %d envelopes with %d peers%n", report.objects(), report.envelopes().size(), report.peers().size());
            } else {
                report = new MemberWrites(node.store(), new Ingest(node.store().objects(), StixValidator.stix21()))
                        .share(hosted, objects, audience, markings);
                out.printf("shared %d objects for member %s, kept on this node%n", report.objects(), hosted);
            }
            report.rejected().forEach(r -> out.println("  refused: " + r));
            return report.rejected().isEmpty() ? 0 : 1;
        }
    }

    static Distribution audience(List<String> targets) {
        if (targets == null) return Distribution.ORGANISATION;
        Set<MemberId> members = new LinkedHashSet<>();
        Set<String> communities = new LinkedHashSet<>();
        boolean all = false;
        for (String t : targets) {
            if (t.startsWith("community:")) communities.add(t.substring("community:".length()));
            else if (t.startsWith("member:")) members.add(new MemberId(t.substring("member:".length())));
            else if (t.equals("all-communities")) all = true;
            else throw new IllegalArgumentException("--to takes community:NAME, member:ID or all-communities, not '" + t + "'");
        }
        return new Distribution(members, communities, all);
    }
}
