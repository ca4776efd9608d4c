package org.entente.core.policy;

/**
 * The Admiralty (NATO) grading of a report: the source's reliability, A (completely reliable) to F
 * (cannot be judged), and the information's credibility, 1 (confirmed) to 6 (cannot be judged).
 */
public record Grading(char reliability, int credibility) {
    public Grading {
        if (reliability < 'A' || reliability > 'F') {
            throw new IllegalArgumentException("source reliability is A to F, not '" + reliability + "'");
        }
        if (credibility < 1 || credibility > 6) {
            throw new IllegalArgumentException("information credibility is 1 to 6, not " + credibility);
        }
    }

    /** Parses the usual two-character form, e.g. {@code B2}. */
    public static Grading parse(String text) {
        if (text == null || text.length() != 2 || !Character.isDigit(text.charAt(1))) {
            throw new IllegalArgumentException("an Admiralty grading is a letter A-F and a digit 1-6, e.g. B2, not '" + text + "'");
        }
        return new Grading(Character.toUpperCase(text.charAt(0)), text.charAt(1) - '0');
    }

    @Override
    public String toString() {
        return "" + reliability + credibility;
    }
}
