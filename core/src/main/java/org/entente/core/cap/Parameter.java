package org.entente.core.cap;

/**
 * A {@code valueName}/{@code value} pair: CAP 1.2 uses the shape for {@code eventCode}, {@code parameter}
 * and {@code geocode}.
 */
public record Parameter(String valueName, String value) {
    public Parameter {
        CapText.require(valueName, "valueName");
        CapText.require(value, "value");
    }
}
