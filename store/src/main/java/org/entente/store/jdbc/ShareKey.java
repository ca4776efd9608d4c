package org.entente.store.jdbc;

import org.entente.store.Share;

/** What makes a share unique: the object version (in its stored form) and the envelope that carried it. */
record ShareKey(String objectId, long versionKey, String envelopeId) {
    static ShareKey of(Share share) {
        return new ShareKey(share.objectId(), VersionKey.of(share.version()), share.envelopeId());
    }
}
