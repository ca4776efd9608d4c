package org.entente.core.observable;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs, normalised by the equivalences of RFC 3986 §6.2.2 and §6.2.3 only, so that a normalised URL still
 * names the same resource:
 * <ul>
 *   <li>scheme and host lowercased (§6.2.2.1), the host through the domain rules (IDNA) or the IP rules;</li>
 *   <li>percent-encodings with uppercase hex (§6.2.2.1), and those of unreserved characters decoded
 *       (§6.2.2.2), in every component including the query; characters a URI may not hold (space,
 *       non-ASCII, {@code "<>\^`{|}}) are percent-encoded as UTF-8, as RFC 3987 §3.1 maps an IRI to a URI,
 *       and a {@code %} not followed by two hex digits becomes {@code %25};</li>
 *   <li>dot segments removed from the path (§6.2.2.3, algorithm of §5.2.4), an empty path of an
 *       http-like URL written {@code /}, and the scheme's default port dropped (§6.2.3);</li>
 *   <li>the fragment dropped: it is never sent to the server, so it does not change what was fetched.</li>
 * </ul>
 * The query is otherwise kept as written: the order of parameters and {@code +} may matter to the server.
 * A URL observable needs a scheme and an authority ({@code scheme://host…}).
 */
final class Urls {
    /** RFC 3986 Appendix B. */
    private static final Pattern PARTS = Pattern.compile("^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?$", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "ftp", 21, "ws", 80, "wss", 443);
    private static final String ALLOWED_PUNCTUATION = "-._~:/?#[]@!$&'()*+,;=";

    private Urls() {}

    static String normalise(String raw) {
        Matcher parts = PARTS.matcher(raw.strip());
        if (!parts.matches()) throw invalid(raw, "not a URI reference (RFC 3986 Appendix B)");
        String scheme = parts.group(2);
        String authority = parts.group(4);
        if (scheme == null || !SCHEME.matcher(scheme).matches()) throw invalid(raw, "a URL starts with a scheme (RFC 3986 §3.1)");
        if (authority == null) throw invalid(raw, "a URL observable needs an authority: scheme://host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(raw.length());
        url.append(scheme).append("://").append(authority(raw, scheme, authority));
        String path = removeDotSegments(percentEncoding(parts.group(5)));
        if (path.isEmpty() && DEFAULT_PORTS.containsKey(scheme)) path = "/";
        url.append(path);
        String query = parts.group(7);
        if (query != null) url.append('?').append(percentEncoding(query));
        return url.toString();
    }

    private static String authority(String raw, String scheme, String authority) {
        int at = authority.lastIndexOf('@');
        String userinfo = at < 0 ? null : authority.substring(0, at);
        String hostAndPort = authority.substring(at + 1);
        String host;
        String port;
        if (hostAndPort.startsWith("[")) {
            int close = hostAndPort.indexOf(']');
            if (close < 0) throw invalid(raw, "'[' without ']' around an IPv6 host");
            host = hostAndPort.substring(0, close + 1);
            String rest = hostAndPort.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) throw invalid(raw, "only ':port' may follow an IPv6 host");
            port = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = hostAndPort.lastIndexOf(':');
            host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
            port = colon < 0 ? null : hostAndPort.substring(colon + 1);
        }
        StringBuilder result = new StringBuilder(authority.length());
        if (userinfo != null) result.append(percentEncoding(userinfo)).append('@');
        result.append(host(raw, scheme, host));
        String normalisedPort = port(raw, scheme, port);
        if (!normalisedPort.isEmpty()) result.append(':').append(normalisedPort);
        return result.toString();
    }

    private static String host(String raw, String scheme, String host) {
        if (host.isEmpty()) {
            if (scheme.equals("file")) return host; // file:///path names the local host (RFC 8089 §2)
            throw invalid(raw, "the host is empty");
        }
        try {
            if (host.startsWith("[")) {
                String literal = host.substring(1, host.length() - 1);
                if (literal.startsWith("v") || literal.startsWith("V")) throw invalid(raw, "IPvFuture hosts are not supported");
                return "[" + Ipv6Addresses.format(Ipv6Addresses.parse(raw, literal)) + "]";
            }
            if (Ipv4Addresses.looksLikeIpv4(host)) return Ipv4Addresses.format(Ipv4Addresses.parse(raw, host));
            // A reg-name may percent-encode UTF-8 (RFC 3986 §3.2.2); decode it so IDNA sees the characters.
            return DomainNames.normalise(percentDecode(raw, host));
        } catch (InvalidObservableException e) {
            if (e.kind().orElse(null) == ObservableKind.URL) throw e;
            throw invalid(raw, "host: " + e.rule());
        }
    }

    private static String port(String raw, String scheme, String port) {
        if (port == null || port.isEmpty()) return ""; // "host:" with an empty port means the default (§6.2.3)
        String digits = port.replaceFirst("^0+(?=.)", ""); // leading zeros do not change the port
        if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(raw, "the port is a decimal number from 0 to 65535");
        }
        int value = Integer.parseInt(digits);
        if (value > 65535) throw invalid(raw, "port " + value + " is greater than 65535");
        Integer defaultPort = DEFAULT_PORTS.get(scheme);
        return defaultPort != null && defaultPort == value ? "" : Integer.toString(value);
    }

    /** §6.2.2.1 and §6.2.2.2, plus the encoding of characters a URI may not hold (see the class comment). */
    static String percentEncoding(String component) {
        StringBuilder out = new StringBuilder(component.length());
        int i = 0;
        while (i < component.length()) {
            char c = component.charAt(i);
            if (c == '%') {
                if (i + 2 < component.length() && isHex(component.charAt(i + 1)) && isHex(component.charAt(i + 2))) {
                    int octet = Integer.parseInt(component.substring(i + 1, i + 3), 16);
                    if (isUnreserved(octet)) out.append((char) octet);
                    else appendEncoded(out, octet);
                    i += 3;
                } else {
                    out.append("%25");
                    i++;
                }
                continue;
            }
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED_PUNCTUATION.indexOf(c) >= 0)) {
                out.append(c);
                i++;
                continue;
            }
            int codePoint = component.codePointAt(i);
            for (byte octet : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                appendEncoded(out, octet & 0xff);
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** RFC 3986 §5.2.4. */
    static String removeDotSegments(String path) {
        StringBuilder input = new StringBuilder(path);
        StringBuilder output = new StringBuilder(path.length());
        while (!input.isEmpty()) {
            if (startsWith(input, "../")) input.delete(0, 3);
            else if (startsWith(input, "./")) input.delete(0, 2);
            else if (startsWith(input, "/./")) input.delete(0, 2);
            else if (input.toString().equals("/.")) input.replace(0, 2, "/");
            else if (startsWith(input, "/../")) {
                input.delete(0, 3);
                removeLastSegment(output);
            } else if (input.toString().equals("/..")) {
                input.replace(0, 3, "/");
                removeLastSegment(output);
            } else if (input.toString().equals(".") || input.toString().equals("..")) input.setLength(0);
            else {
                int next = input.indexOf("/", input.charAt(0) == '/' ? 1 : 0);
                int end = next < 0 ? input.length() : next;
                output.append(input, 0, end);
                input.delete(0, end);
            }
        }
        return output.toString();
    }

    private static void removeLastSegment(StringBuilder output) {
        int lastSlash = output.lastIndexOf("/");
        output.setLength(Math.max(lastSlash, 0));
    }

    private static boolean startsWith(StringBuilder text, String prefix) {
        return text.length() >= prefix.length() && text.substring(0, prefix.length()).equals(prefix);
    }

    private static String percentDecode(String raw, String text) {
        if (text.indexOf('%') < 0) return text;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                throw invalid(raw, "'%' in the host is not followed by two hex digits");
            } else {
                int codePoint = text.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void appendEncoded(StringBuilder out, int octet) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(octet >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(octet & 0xf, 16)));
    }

    private static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static InvalidObservableException invalid(String raw, String rule) {
        return new InvalidObservableException(ObservableKind.URL, raw, rule);
    }
}
