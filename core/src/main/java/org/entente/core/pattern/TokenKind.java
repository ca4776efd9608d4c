package org.entente.core.pattern;

/** The kinds of token in STIX pattern text. */
enum TokenKind {
    LEFT_BRACKET, RIGHT_BRACKET, LEFT_PAREN, RIGHT_PAREN, COLON, DOT, COMMA, ASTERISK,
    EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
    /** Upper-case reserved words: AND, OR, NOT, FOLLOWEDBY, IN, LIKE, … (see {@link Keywords}). */
    KEYWORD,
    IDENTIFIER, STRING, INTEGER, FLOAT, BOOLEAN, HEX, BINARY, TIMESTAMP,
    END
}
