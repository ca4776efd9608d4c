package org.entente.server.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.UUID;
import org.entente.core.stix.StixObject;
import org.entente.core.stix.StixTimestamp;
import org.entente.core.stix.StixValidator;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.core.stix.codec.StixJson;
import org.entente.server.NodeSetup;
import org.entente.server.ingest.Ingest;
import org.entente.server.ingest.IngestSummary;
import org.entente.store.Store;

/**
 * A realistic sample data set, generated (never downloaded) and identical on every run, so loading it
 * twice changes nothing: national CERTs and a financial-fraud unit of several countries sharing an
 * online-fraud campaign (parcel-delivery smishing with phishing domains and mule accounts) and a
 * critical-infrastructure intrusion set with its malware, indicators, infrastructure and sightings.
 * All of it is fictitious.
 */
public final class DemoData {
    /** Every timestamp is relative to this instant, so ids and versions never change between runs. */
    static final Instant EPOCH = Instant.parse("2026-10-01T08:00:00.000Z");
    static final String TLP_GREEN = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    static final String TLP_AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    static final String TLP_CLEAR_WHITE = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";

    private final List<StixObject> objects = new ArrayList<>();

    private DemoData() {}

    /** The data set, in an order where every referenced object comes before its references. */
    public static List<StixObject> objects() {
        DemoData demo = new DemoData();
        demo.build();
        return List.copyOf(demo.objects);
    }

    /** Loads the data set into the default collection. */
    public static IngestSummary load(Store store) {
        String collection = store.collections().find(NodeSetup.DEFAULT_COLLECTION).orElseThrow().id();
        List<StixObject> objects = objects();
        List<Element> elements = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) elements.add(new Element(i, objects.get(i), null));
        IngestSummary summary = new IngestSummary(10);
        new Ingest(store.objects(), StixValidator.stix21()).stream(collection, elements.iterator(), 500, summary);
        return summary;
    }

    private void build() {
        String certDe = identity("CERT-Bund (demo)", "DE", "state", "cyber");
        String certFr = identity("CERT-FR (demo)", "FR", "state", "cyber");
        String certPl = identity("CERT Polska (demo)", "PL", "state", "cyber");
        String fraudNl = identity("Dutch Banking Fraud Unit (demo)", "NL", "sectoral", "finance");
        String ministryEe = identity("Estonian Ministry of the Interior (demo)", "EE", "ministerial", "law-enforcement");

        fraudCampaign(certDe, certFr, fraudNl, certPl);
        intrusionSet(certPl, certDe, ministryEe, certFr);
    }

    private void fraudCampaign(String author, String... sighters) {
        String campaign = add(sdo("campaign", "Parcel Lure smishing", author, 0,
                "description", "SMS messages announce a held parcel and link to look-alike carrier sites that "
                        + "collect card details and push victims to authorise transfers to mule accounts.",
                "first_seen", ts(-30), "objective", "financial gain through card and account takeover"));
        String[] domains = {"parcel-redelivery-eu.com", "dhl-zustellung-info.net", "colis-suivi-fr.org",
                "inpost-doplata.pl", "postnl-betaling.info", "track-my-parcel-eu.live"};
        for (int i = 0; i < domains.length; i++) {
            String domain = domains[i];
            String indicator = add(sdo("indicator", "Smishing domain " + domain, author, i,
                    "indicator_types", List.of("malicious-activity"),
                    "pattern", "[domain-name:value = '" + domain + "']",
                    "pattern_type", "stix",
                    "valid_from", ts(i),
                    "object_marking_refs", List.of(TLP_GREEN)));
            add(relationship("indicates", indicator, campaign, author, i));
            String sighter = sighters[i % sighters.length];
            add(sighting(indicator, sighter, i + 2, 3 + i * 7));
        }
        String urlIndicator = add(sdo("indicator", "Parcel Lure landing path", author, 7,
                "indicator_types", List.of("malicious-activity"),
                "pattern", "[url:value LIKE 'https://%/paket/%/zahlung%'] OR [url:value LIKE 'https://%/colis/%/paiement%']",
                "pattern_type", "stix",
                "valid_from", ts(7),
                "object_marking_refs", List.of(TLP_GREEN)));
        add(relationship("indicates", urlIndicator, campaign, author, 7));
        String mule = add(sdo("indicator", "Mule account receiving Parcel Lure proceeds", sighters[1], 9,
                "indicator_types", List.of("malicious-activity"),
                "description", "Bank account reported by three banks within a week.",
                "pattern", "[x-entente-bank-account:iban = 'NL91ABNA0417164300']",
                "pattern_type", "stix",
                "valid_from", ts(9),
                "object_marking_refs", List.of(TLP_AMBER)));
        add(relationship("indicates", mule, campaign, sighters[1], 9));
        add(sdo("report", "Parcel Lure: cross-border smishing wave", author, 12,
                "report_types", List.of("campaign", "threat-report"),
                "published", ts(12),
                "object_refs", List.of(campaign, urlIndicator, mule),
                "object_marking_refs", List.of(TLP_GREEN)));
    }

    private void intrusionSet(String author, String... sighters) {
        String set = add(sdo("intrusion-set", "Ember Grid", author, 1,
                "description", "Targets operators of electricity distribution and water utilities; gains access "
                        + "through exposed VPN appliances, then deploys a modular loader.",
                "first_seen", ts(-200), "goals", List.of("pre-positioning in industrial control networks"),
                "resource_level", "government", "primary_motivation", "organizational-gain",
                "object_marking_refs", List.of(TLP_AMBER)));
        String malware = add(sdo("malware", "GRIDLOCK loader", author, 2,
                "malware_types", List.of("backdoor", "remote-access-trojan"), "is_family", true,
                "capabilities", List.of("communicates-with-c2", "persists-after-system-reboot"),
                "object_marking_refs", List.of(TLP_AMBER)));
        String vpnExploit = add(sdo("attack-pattern", "Exploit Public-Facing Application", author, 0,
                "external_references", List.of(StixJson.object("source_name", "mitre-attack",
                        "external_id", "T1190", "url", "https://attack.mitre.org/techniques/T1190/"))));
        String vulnerability = add(sdo("vulnerability", "CVE-2026-10001 (demo)", author, 0,
                "description", "Authentication bypass in a widely deployed VPN appliance (fictitious).",
                "external_references", List.of(StixJson.object("source_name", "cve", "external_id", "CVE-2026-10001"))));
        String infrastructure = add(sdo("infrastructure", "Ember Grid C2 relays", author, 3,
                "infrastructure_types", List.of("command-and-control"),
                "object_marking_refs", List.of(TLP_AMBER)));
        String target = add(sdo("identity", "Electricity distribution operators (demo)", author, 0,
                "identity_class", "class", "sectors", List.of("utilities", "energy")));
        add(relationship("uses", set, malware, author, 2));
        add(relationship("uses", set, vpnExploit, author, 2));
        add(relationship("targets", vpnExploit, vulnerability, author, 2));
        add(relationship("uses", set, infrastructure, author, 3));
        add(relationship("targets", set, target, author, 3));
        String[] c2 = {"203.0.113.17", "198.51.100.44", "192.0.2.201"};
        for (int i = 0; i < c2.length; i++) {
            String indicator = add(sdo("indicator", "GRIDLOCK C2 " + c2[i], author, 4 + i,
                    "indicator_types", List.of("malicious-activity"),
                    "pattern", "[ipv4-addr:value = '" + c2[i] + "'] OR [network-traffic:dst_ref.value = '" + c2[i] + "']",
                    "pattern_type", "stix",
                    "valid_from", ts(4 + i),
                    "valid_until", ts(4 + i + 180),
                    "kill_chain_phases", List.of(StixJson.object("kill_chain_name", "lockheed-martin-cyber-kill-chain",
                            "phase_name", "command-and-control")),
                    "object_marking_refs", List.of(TLP_AMBER)));
            add(relationship("indicates", indicator, malware, author, 4 + i));
            add(sighting(indicator, sighters[i % sighters.length], 10 + i, 1 + i));
        }
        String hash = add(sdo("indicator", "GRIDLOCK loader sample", author, 8,
                "indicator_types", List.of("malicious-activity"),
                "pattern", "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
                "pattern_type", "stix",
                "valid_from", ts(8),
                "object_marking_refs", List.of(TLP_AMBER)));
        add(relationship("indicates", hash, malware, author, 8));
        add(sdo("course-of-action", "Patch and rotate VPN credentials", author, 9,
                "description", "Apply the vendor fix for CVE-2026-10001, rotate all VPN credentials and review "
                        + "appliance logs for the listed C2 addresses.",
                "object_marking_refs", List.of(TLP_CLEAR_WHITE)));
        add(sdo("report", "Ember Grid targets distribution grids", author, 14,
                "report_types", List.of("threat-actor", "attack-pattern"),
                "published", ts(14),
                "object_refs", List.of(set, malware, vpnExploit, vulnerability, infrastructure, hash),
                "object_marking_refs", List.of(TLP_AMBER)));
    }

    private String identity(String name, String country, String level, String sector) {
        return add(sdo("identity", name, null, 0,
                "identity_class", "organization",
                "sectors", List.of(sector.equals("cyber") ? "government" : sector.equals("finance") ? "financial-services" : "government"),
                "contact_information", "duty officer via Entente",
                "x_entente_member", StixJson.object("country", country, "level", level, "sector", sector)));
    }

    private StixObject sdo(String type, String name, String createdBy, int day, Object... more) {
        List<Object> pairs = new ArrayList<>(List.of(
                "type", type,
                "spec_version", "2.1",
                "id", type + "--" + uuid(type + "/" + name),
                "created", ts(day),
                "modified", ts(day)));
        if (createdBy != null) pairs.addAll(List.of("created_by_ref", createdBy));
        if (name != null) pairs.addAll(List.of("name", name));
        pairs.addAll(List.of(more));
        return StixObject.of(pairs.toArray());
    }

    private StixObject relationship(String kind, String source, String target, String author, int day) {
        return StixObject.of(
                "type", "relationship",
                "spec_version", "2.1",
                "id", "relationship--" + uuid(kind + source + target),
                "created_by_ref", author,
                "created", ts(day),
                "modified", ts(day),
                "relationship_type", kind,
                "source_ref", source,
                "target_ref", target);
    }

    private StixObject sighting(String indicator, String sighter, int day, int count) {
        return StixObject.of(
                "type", "sighting",
                "spec_version", "2.1",
                "id", "sighting--" + uuid("sighting" + indicator + sighter),
                "created_by_ref", sighter,
                "created", ts(day),
                "modified", ts(day),
                "first_seen", ts(day - 1),
                "last_seen", ts(day),
                "count", count,
                "sighting_of_ref", indicator,
                "where_sighted_refs", List.of(sighter));
    }

    private String add(StixObject object) {
        objects.add(object);
        return object.id();
    }

    private static String ts(int day) {
        return StixTimestamp.ofMillis(EPOCH.plus(Duration.ofDays(day))).text();
    }

    /** A version-4-shaped UUID derived from a name, so demo ids are random-looking yet stable. */
    static UUID uuid(String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("entente-demo/" + name).getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x40);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            long msb = 0, lsb = 0;
            for (int i = 0; i < 8; i++) msb = (msb << 8) | (h[i] & 0xff);
            for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (h[i] & 0xff);
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
