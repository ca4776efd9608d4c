package org.entente.core.pattern;

/**
 * One token of pattern text. {@code text} is the source spelling (for keywords and messages); {@code value} the
 * decoded constant for literal tokens (String, BigInteger, BigDecimal, Boolean, or the literal record).
 */
record Token(TokenKind kind, String text, int position, Object value) {

    boolean is(TokenKind k) {
        return kind == k;
    }

    boolean isKeyword(String keyword) {
        return kind == TokenKind.KEYWORD && text.equals(keyword);
    }

    String describe() {
        return kind == TokenKind.END ? "end of pattern" : "'" + text + "'";
    }
}
