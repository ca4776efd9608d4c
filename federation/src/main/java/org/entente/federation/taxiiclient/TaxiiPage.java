package org.entente.federation.taxiiclient;

import java.util.List;
import java.util.Map;

/**
 * One page of a TAXII 2.1 objects response: the objects as JSON trees, whether more follow, the server's
 * {@code next} token, and the {@code X-TAXII-Date-Added-Last} header (the cursor for the next poll).
 */
public record TaxiiPage(List<Map<String, Object>> objects, boolean more, String next, String dateAddedLast) {
    public TaxiiPage {
        objects = List.copyOf(objects);
    }
}
