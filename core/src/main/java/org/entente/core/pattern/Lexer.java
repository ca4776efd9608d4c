package org.entente.core.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.entente.core.pattern.ast.BinaryText;
import org.entente.core.pattern.ast.Literal;
import org.entente.core.pattern.ast.TimestampText;

/**
 * Splits pattern text into tokens on demand, so that an error is always reported at the earliest place it
 * occurs. Token shapes follow the STIX 2.1 grammar (section 9 and its ANTLR grammar), written out by hand:
 * integers {@code [+-]?(0|[1-9][0-9]*)}, floats {@code [+-]?[0-9]*.[0-9]+([eE][+-]?[0-9]+)?}, strings with only
 * the {@code \\} and {@code \'} escapes, and {@code t'…'}, {@code h'…'}, {@code b'…'} literals.
 */
final class Lexer {
    private final String text;
    private int pos;

    Lexer(String text) {
        this.text = text;
    }

    Token next() {
        skipWhitespace();
        if (pos >= text.length()) return new Token(TokenKind.END, "", pos, null);
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '[': return single(TokenKind.LEFT_BRACKET);
            case ']': return single(TokenKind.RIGHT_BRACKET);
            case '(': return single(TokenKind.LEFT_PAREN);
            case ')': return single(TokenKind.RIGHT_PAREN);
            case ':': return single(TokenKind.COLON);
            case ',': return single(TokenKind.COMMA);
            case '*': return single(TokenKind.ASTERISK);
            case '=':
                return text.startsWith("==", pos) ? fixed(TokenKind.EQUAL, 2) : single(TokenKind.EQUAL);
            case '!':
                if (text.startsWith("!=", pos)) return fixed(TokenKind.NOT_EQUAL, 2);
                throw new PatternSyntaxException(pos, "unexpected '!' (did you mean '!='?)");
            case '<':
                if (text.startsWith("<=", pos)) return fixed(TokenKind.LESS_OR_EQUAL, 2);
                if (text.startsWith("<>", pos)) return fixed(TokenKind.NOT_EQUAL, 2);
                return single(TokenKind.LESS);
            case '>':
                return text.startsWith(">=", pos) ? fixed(TokenKind.GREATER_OR_EQUAL, 2) : single(TokenKind.GREATER);
            case '\'':
                return string(start);
            default:
                break;
        }
        if (c == '.' && !isDigitAt(pos + 1)) return single(TokenKind.DOT);
        if (isDigitAt(pos) || c == '.' || ((c == '+' || c == '-') && startsNumber(pos + 1))) return number(start);
        if (isIdentifierStart(c)) {
            if (pos + 1 < text.length() && text.charAt(pos + 1) == '\'' && "thb".indexOf(c) >= 0) {
                return prefixedLiteral(start, c);
            }
            return identifier(start);
        }
        throw new PatternSyntaxException(pos, "unexpected character '" + printable(c) + "'");
    }

    private void skipWhitespace() {
        while (pos < text.length() && isWhitespace(text.charAt(pos))) pos++;
    }

    // The grammar's WS rule: ASCII white space plus a few Unicode separators.
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u000B' || c == '\u000C'
                || c == '\u0085' || c == '\u00A0' || c == '\u2028' || c == '\u2029';
    }

    private Token single(TokenKind kind) {
        return fixed(kind, 1);
    }

    private Token fixed(TokenKind kind, int length) {
        Token t = new Token(kind, text.substring(pos, pos + length), pos, null);
        pos += length;
        return t;
    }

    private boolean isDigitAt(int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    private boolean startsNumber(int i) {
        return isDigitAt(i) || (i < text.length() && text.charAt(i) == '.' && isDigitAt(i + 1));
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private Token identifier(int start) {
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) pos++;
        String word = text.substring(start, pos);
        if (Keywords.RESERVED.contains(word)) return new Token(TokenKind.KEYWORD, word, start, null);
        if (word.equals("true") || word.equals("false")) {
            return new Token(TokenKind.BOOLEAN, word, start, new Literal.BooleanLiteral(word.equals("true")));
        }
        return new Token(TokenKind.IDENTIFIER, word, start, null);
    }

    private Token number(int start) {
        if (text.charAt(pos) == '+' || text.charAt(pos) == '-') pos++;
        int digitsStart = pos;
        while (isDigitAt(pos)) pos++;
        boolean hasIntegerDigits = pos > digitsStart;
        if (pos < text.length() && text.charAt(pos) == '.' && isDigitAt(pos + 1)) {
            pos++;
            while (isDigitAt(pos)) pos++;
            if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int mark = pos;
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
                if (!isDigitAt(pos)) {
                    pos = mark; // not an exponent after all; the letter starts the next token
                } else {
                    while (isDigitAt(pos)) pos++;
                }
            }
            String literal = text.substring(start, pos);
            return new Token(TokenKind.FLOAT, literal, start, new Literal.FloatLiteral(new BigDecimal(
                    literal.startsWith("+") ? literal.substring(1) : literal)));
        }
        if (!hasIntegerDigits) throw new PatternSyntaxException(start, "malformed number");
        String digits = text.substring(digitsStart, pos);
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new PatternSyntaxException(start, "integers are written without leading zeros");
        }
        String literal = text.substring(start, pos);
        return new Token(TokenKind.INTEGER, literal, start, new Literal.IntegerLiteral(new BigInteger(
                literal.startsWith("+") ? literal.substring(1) : literal)));
    }

    private Token string(int start) {
        String value = quotedBody(start);
        return new Token(TokenKind.STRING, text.substring(start, pos), start, new Literal.StringLiteral(value));
    }

    /** Reads {@code '…'} from the quote at {@code quote}; returns the unescaped content. */
    private String quotedBody(int quote) {
        StringBuilder value = new StringBuilder();
        pos = quote + 1;
        while (true) {
            if (pos >= text.length()) throw new PatternSyntaxException(quote, "string literal is not closed");
            char c = text.charAt(pos);
            if (c == '\'') {
                pos++;
                return value.toString();
            }
            if (c == '\\') {
                char escaped = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
                if (escaped != '\\' && escaped != '\'') {
                    // Section 9.3: only the quote and the backslash itself may be escaped.
                    throw new PatternSyntaxException(pos, "in a string only \\' and \\\\ may follow a backslash");
                }
                value.append(escaped);
                pos += 2;
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** {@code t'…'}, {@code h'…'} and {@code b'…'}: the whole literal must have its form, or it is an error at its start. */
    private Token prefixedLiteral(int start, char prefix) {
        int close = text.indexOf('\'', start + 2);
        if (close < 0) throw new PatternSyntaxException(start, "literal is not closed");
        String body = text.substring(start + 2, close);
        pos = close + 1;
        String spelled = text.substring(start, pos);
        return switch (prefix) {
            case 't' -> {
                if (!TimestampText.isWellFormed(body)) {
                    throw new PatternSyntaxException(start,
                            "timestamp literal must be t'YYYY-MM-DDTHH:MM:SS[.s]Z' with upper-case T and Z: " + spelled);
                }
                yield new Token(TokenKind.TIMESTAMP, spelled, start, new Literal.TimestampLiteral(body));
            }
            case 'h' -> {
                if (body.length() % 2 != 0 || !body.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) {
                    throw new PatternSyntaxException(start, "hex literal must hold pairs of hex digits: " + spelled);
                }
                yield new Token(TokenKind.HEX, spelled, start,
                        new Literal.BinaryLiteral(body, Literal.BinaryLiteral.Encoding.HEX));
            }
            default -> {
                if (!BinaryText.isStrictBase64(body)) {
                    throw new PatternSyntaxException(start, "binary literal must be padded base64: " + spelled);
                }
                yield new Token(TokenKind.BINARY, spelled, start,
                        new Literal.BinaryLiteral(body, Literal.BinaryLiteral.Encoding.BASE64));
            }
        };
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
