package org.entente.server.taxii;

/**
 * A request TAXII refuses, answered with the error message resource of TAXII 2.1 section 3.6.1.
 * The description names what is wrong with the request; it never reveals data the requester may not see.
 */
public final class TaxiiException extends RuntimeException {
    private final int status;
    private final String title;

    public TaxiiException(int status, String title, String description) {
        super(description);
        this.status = status;
        this.title = title;
    }

    public static TaxiiException badRequest(String description) {
        return new TaxiiException(400, "Bad request", description);
    }

    public static TaxiiException notFound(String description) {
        return new TaxiiException(404, "Not found", description);
    }

    public static TaxiiException forbidden(String description) {
        return new TaxiiException(403, "Forbidden", description);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return getMessage();
    }
}
