package org.entente.core.pattern;

/**
 * Matching could not be decided: the observation data is unusable for a comparison the pattern asks for (a
 * property compared with a timestamp does not hold a timestamp, a {@code _hex} property is not hex, a reference
 * is not a string), or the pattern is too costly for the observations given.
 */
public final class PatternEvaluationException extends RuntimeException {
    public PatternEvaluationException(String message) {
        super(message);
    }

    public PatternEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
