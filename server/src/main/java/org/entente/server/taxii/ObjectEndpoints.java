package org.entente.server.taxii;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.core.policy.Community;
import org.entente.core.policy.MemberId;
import org.entente.core.stix.codec.BundleReader.Element;
import org.entente.core.stix.codec.StixJson;
import org.entente.core.stix.codec.StixParseException;
import org.entente.server.access.MemberWrites;
import org.entente.server.share.CommunityPosts;
import org.entente.server.access.Principal;
import org.entente.server.access.Viewer;
import org.entente.server.ingest.Ingest;
import org.entente.server.ingest.Outcome;
import org.entente.store.CollectionInfo;
import org.entente.store.ObjectQuery;
import org.entente.store.ObjectStore;
import org.entente.store.Page;
import org.entente.store.StatusRecord;
import org.entente.store.StatusStore;
import org.entente.store.StoredVersion;
import org.entente.store.VersionSelector;

/**
 * Objects (section 5.4 get, 5.5 add), one object (5.6 get, 5.7 delete), its versions (5.8) and the
 * manifest (5.3).
 */
final class ObjectEndpoints {
    private static final Set<String> ALL_FIELDS = Set.of("id", "type", "version", "spec_version");
    private static final Set<String> VERSION_FIELDS = Set.of("version", "spec_version");

    private final TaxiiGate gate;
    private final ObjectStore objects;
    private final StatusStore statuses;
    private final Ingest ingest;
    private final MemberWrites writes;
    private final CommunityPosts posts;
    private final long maxContentLength;
    private final Clock clock;
    private final EnvelopeCache cache = new EnvelopeCache(64L << 20);

    ObjectEndpoints(TaxiiGate gate, ObjectStore objects, StatusStore statuses, Ingest ingest, MemberWrites writes,
                    CommunityPosts posts, long maxContentLength, Clock clock) {
        this.gate = gate;
        this.objects = objects;
        this.statuses = statuses;
        this.ingest = ingest;
        this.writes = writes;
        this.posts = posts;
        this.maxContentLength = maxContentLength;
        this.clock = clock;
    }

    void list(Context ctx) {
        Principal principal = gate.enter(ctx);
        CollectionInfo collection = gate.readable(ctx, principal);
        ObjectQuery query = TaxiiQuery.parse(ctx.queryParamMap(), ALL_FIELDS, VersionSelector.LAST);
        Viewer viewer = gate.viewer(principal);
        if (viewer.restricted()) {
            // Not cached: what a hosted member sees also depends on charters, which the change mark does not follow.
            TaxiiResponse.envelope(ctx, gate.visible().find(viewer, collection.id(), query));
            return;
        }
        // The mark is read before the page: a write in between makes the entry look stale, never fresh.
        long mark = objects.changeMark();
        EnvelopeCache.Key key = new EnvelopeCache.Key(collection.id(), query);
        TaxiiResponse.Envelope envelope = cache.get(key, mark);
        if (envelope == null) {
            envelope = TaxiiResponse.render(objects.find(collection.id(), query));
            cache.put(key, mark, envelope);
        }
        TaxiiResponse.send(ctx, envelope);
    }

    void one(Context ctx) {
        Principal principal = gate.enter(ctx);
        CollectionInfo collection = gate.readable(ctx, principal);
        String id = ctx.pathParam("objectId");
        ObjectQuery query = TaxiiQuery.parse(ctx.queryParamMap(), VERSION_FIELDS, VersionSelector.LAST)
                .withIds(Set.of(id));
        Viewer viewer = gate.viewer(principal);
        Page page = gate.visible().find(viewer, collection.id(), query);
        if (page.items().isEmpty()) requireExists(viewer, collection, id);
        TaxiiResponse.envelope(ctx, page);
    }

    void versions(Context ctx) {
        Principal principal = gate.enter(ctx);
        CollectionInfo collection = gate.readable(ctx, principal);
        String id = ctx.pathParam("objectId");
        ObjectQuery query = TaxiiQuery.parse(ctx.queryParamMap(), Set.of("spec_version"), VersionSelector.ALL)
                .withIds(Set.of(id));
        Viewer viewer = gate.viewer(principal);
        Page page = gate.visible().find(viewer, collection.id(), query);
        if (page.items().isEmpty()) requireExists(viewer, collection, id);
        List<String> versions = page.items().stream().map(v -> TaxiiTime.version(v.version())).toList();
        TaxiiResponse.dateAddedHeaders(ctx, page);
        TaxiiResponse.json(ctx, 200, StixJson.object(
                "more", page.more(),
                "next", page.more() ? Long.toString(page.nextSeq()) : null,
                "versions", versions.isEmpty() ? null : versions));
    }

    void manifest(Context ctx) {
        Principal principal = gate.enter(ctx);
        CollectionInfo collection = gate.readable(ctx, principal);
        ObjectQuery query = TaxiiQuery.parse(ctx.queryParamMap(), ALL_FIELDS, VersionSelector.LAST);
        Page page = gate.visible().find(gate.viewer(principal), collection.id(), query);
        List<Map<String, Object>> records = new ArrayList<>(page.items().size());
        for (StoredVersion v : page.items()) {
            records.add(StixJson.object(
                    "id", v.id(),
                    "date_added", TaxiiTime.dateAdded(v.dateAdded()),
                    "version", TaxiiTime.version(v.version()),
                    "media_type", "application/stix+json;version=" + v.specVersion()));
        }
        TaxiiResponse.dateAddedHeaders(ctx, page);
        TaxiiResponse.json(ctx, 200, StixJson.object(
                "more", page.more(),
                "next", page.more() ? Long.toString(page.nextSeq()) : null,
                "objects", records.isEmpty() ? null : records));
    }

    void delete(Context ctx) {
        Principal principal = gate.enter(ctx);
        CollectionInfo collection = gate.writable(ctx, principal);
        if (!gate.rights(principal, collection).read()) {
            // Section 5.7: deleting needs both rights, since it reveals what exists.
            throw TaxiiException.forbidden("deleting needs the right to read and to write collection '" + collection.id() + "'");
        }
        String id = ctx.pathParam("objectId");
        ObjectQuery query = TaxiiQuery.parse(ctx.queryParamMap(), VERSION_FIELDS, VersionSelector.ALL);
        Viewer viewer = gate.viewer(principal);
        // One the hosted member may not see is not there for it: not to delete, and not to learn of.
        if (viewer.restricted() && !gate.visible().anyVisible(viewer, collection.id(), id)) throw nothingToDelete(ctx, id);
        int deleted = objects.delete(collection.id(), id, query);
        if (deleted == 0) throw nothingToDelete(ctx, id);
        ctx.status(200).contentType(TaxiiMediaType.TAXII);
    }

    void add(Context ctx) {
        Principal principal = gate.enter(ctx);
        if (!TaxiiMediaType.isTaxii(ctx.contentType())) {
            throw new TaxiiException(415, "Unsupported media type",
                    "send objects as " + TaxiiMediaType.TAXII + ", not " + (ctx.contentType() == null ? "no Content-Type" : ctx.contentType()));
        }
        CollectionInfo collection = gate.writable(ctx, principal);
        Optional<MemberId> hosted = gate.viewer(principal).member();
        // Into a community's collection, this node's own users share to the community.
        Optional<Community> community = hosted.isPresent() ? Optional.empty() : posts.communityOf(collection);
        Optional<String> refusal = hosted.isPresent() ? writes.refusal(hosted.get(), collection)
                : community.flatMap(posts::refusal);
        if (refusal.isPresent()) throw TaxiiException.forbidden(refusal.get());
        List<Element> elements = envelopeObjects(readBody(ctx));
        var requested = clock.instant();
        // A hosted member's objects are its own: labelled with it as origin and the audience of the collection.
        List<Outcome> outcomes = hosted.isPresent() ? writes.post(hosted.get(), collection, elements)
                : community.isPresent() ? posts.post(community.get(), elements)
                : ingest.submit(collection.id(), elements);
        List<StatusRecord.Detail> successes = new ArrayList<>();
        List<StatusRecord.Detail> failures = new ArrayList<>();
        // "Already stored" would tell a hosted member that a version it may not see exists: it is told only
        // that its version is stored.
        boolean mayLearnWhatExists = hosted.isEmpty();
        for (Outcome o : outcomes) {
            String id = o.id() != null ? o.id() : "objects[" + o.index() + "]";
            switch (o.kind()) {
                case ADDED -> successes.add(new StatusRecord.Detail(id, o.version(), null));
                case UNCHANGED -> successes.add(new StatusRecord.Detail(id, o.version(),
                        mayLearnWhatExists ? "this version was already stored; nothing changed" : null));
                case REJECTED -> failures.add(new StatusRecord.Detail(id, o.version(), o.reason()));
            }
        }
        StatusRecord status = new StatusRecord(UUID.randomUUID().toString(), principal.name(), "complete", requested,
                outcomes.size(), successes, failures, List.of());
        statuses.save(status);
        TaxiiResponse.json(ctx, 202, DiscoveryEndpoints.body(status));
    }

    private static TaxiiException nothingToDelete(Context ctx, String id) {
        return TaxiiException.notFound("object '" + id + "' not found" + (ctx.queryParamMap().isEmpty() ? "" : " with those filters"));
    }

    /** 404 unless the viewer may see some version of the object: one it may not see does not exist for it. */
    private void requireExists(Viewer viewer, CollectionInfo collection, String id) {
        if (!gate.visible().anyVisible(viewer, collection.id(), id)) {
            throw TaxiiException.notFound("object '" + id + "' not found");
        }
    }

    private byte[] readBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxContentLength) throw tooLarge(declared);
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxContentLength + 1));
            if (body.length > maxContentLength) throw tooLarge(-1);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TaxiiException tooLarge(long declared) {
        return new TaxiiException(413, "Request too large",
                "the body is " + (declared > 0 ? declared + " bytes, " : "") + "over this API root's max_content_length of "
                        + maxContentLength + " bytes; send fewer objects per request");
    }

    private static List<Element> envelopeObjects(byte[] body) {
        Object tree;
        try {
            tree = StixJson.readTree(body);
        } catch (StixParseException e) {
            throw TaxiiException.badRequest(e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> envelope)) {
            throw new TaxiiException(422, "Unprocessable content", "the body must be a TAXII envelope: a JSON object with an 'objects' list");
        }
        if (!(envelope.get("objects") instanceof List<?> list)) {
            throw new TaxiiException(422, "Unprocessable content", "the envelope has no 'objects' list");
        }
        List<Element> elements = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            elements.add(item instanceof Map<?, ?>
                    ? new Element(i, StixJson.toObject(item, "objects[" + i + "]"), null)
                    : new Element(i, null, "objects[" + i + "] is not a JSON object"));
        }
        return elements;
    }
}
