package org.entente.core.cap;

/**
 * {@code info/resource} (CAP 1.2 section 3.2.3): a file with supplemental information. {@code size} (bytes),
 * {@code uri}, {@code derefUri} (the content, base64) and {@code digest} (SHA-1 hex) are null when absent.
 */
public record Resource(String resourceDesc, String mimeType, Long size, String uri, String derefUri, String digest) {
    public Resource {
        CapText.require(resourceDesc, "resourceDesc");
        CapText.require(mimeType, "mimeType");
        if (size != null && size < 0) throw new InvalidCapException("<size> must not be negative, not " + size);
    }

    public static Resource of(String resourceDesc, String mimeType, String uri) {
        return new Resource(resourceDesc, mimeType, null, uri, null, null);
    }
}
