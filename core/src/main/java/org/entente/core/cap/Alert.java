package org.entente.core.cap;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A CAP 1.2 {@code alert} (section 3.2.1). Required: identifier, sender, sent, status, msgType, scope.
 * Optional single values are null when absent, repeated ones empty lists. Rules checked here:
 * identifier and sender carry no spaces, commas, '&lt;' or '&amp;'; {@code restriction} is present when the
 * scope is {@code Restricted} and {@code addresses} when it is {@code Private} (both "used when scope value
 * is …" in section 3.2.1).
 *
 * <p>{@code references} is the specification's text: space-separated {@code sender,identifier,sent}
 * triples of earlier messages this one refers to.
 */
public record Alert(
        String identifier, String sender, OffsetDateTime sent, Status status, MsgType msgType, String source,
        Scope scope, String restriction, String addresses, List<String> codes, String note, String references,
        String incidents, List<Info> infos) {
    public Alert {
        CapText.token(identifier, "identifier");
        CapText.token(sender, "sender");
        CapText.require(sent, "sent");
        CapText.require(status, "status");
        CapText.require(msgType, "msgType");
        CapText.require(scope, "scope");
        codes = CapText.list(codes);
        infos = CapText.list(infos);
        if (scope == Scope.Restricted && (restriction == null || restriction.isBlank())) {
            throw new InvalidCapException("<restriction> is required when <scope> is Restricted");
        }
        if (scope == Scope.Private && (addresses == null || addresses.isBlank())) {
            throw new InvalidCapException("<addresses> is required when <scope> is Private");
        }
    }

    /** The {@code sender,identifier,sent} triple by which a later message refers to this one. */
    public String reference() {
        return sender + "," + identifier + "," + CapTime.format(sent);
    }
}
