package org.entente.core.cap;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code info/area} (CAP 1.2 section 3.2.4): the affected geographic area. Polygons ("lat,lon lat,lon …",
 * first and last pair equal) and circles ("lat,lon radius-km") are kept in the specification's text form.
 * {@code altitude} and {@code ceiling} are in feet above mean sea level and null when absent; a ceiling
 * takes an altitude ("MUST NOT be used except in combination with the altitude element").
 */
public record Area(
        String areaDesc, List<String> polygons, List<String> circles, List<Parameter> geocodes,
        BigDecimal altitude, BigDecimal ceiling) {
    public Area {
        CapText.require(areaDesc, "areaDesc");
        polygons = CapText.list(polygons);
        circles = CapText.list(circles);
        geocodes = CapText.list(geocodes);
        for (String polygon : polygons) checkPolygon(polygon);
        if (ceiling != null && altitude == null) throw new InvalidCapException("<ceiling> must not be used without <altitude>");
    }

    public static Area described(String areaDesc) {
        return new Area(areaDesc, List.of(), List.of(), List.of(), null, null);
    }

    /** Section 3.2.4: a polygon has at least four pairs, the first and last identical. */
    private static void checkPolygon(String polygon) {
        String[] pairs = polygon.trim().split("\\s+");
        if (pairs.length < 4 || !pairs[0].equals(pairs[pairs.length - 1])) {
            throw new InvalidCapException("<polygon> must have at least four coordinate pairs, the first and last identical: '" + polygon + "'");
        }
    }
}
