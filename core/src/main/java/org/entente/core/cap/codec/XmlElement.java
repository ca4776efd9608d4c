package org.entente.core.cap.codec;

import java.util.List;

/** An element as read: its CAP-namespace children, or its text when it has none. */
record XmlElement(String name, String text, List<XmlElement> children, int line) {
    List<XmlElement> all(String child) {
        return children.stream().filter(e -> e.name.equals(child)).toList();
    }

    XmlElement optional(String child) {
        List<XmlElement> found = all(child);
        if (found.size() > 1) throw new CapParseException("<" + child + "> may appear only once in <" + name + "> (line " + found.get(1).line + ")");
        return found.isEmpty() ? null : found.get(0);
    }

    XmlElement required(String child) {
        XmlElement found = optional(child);
        if (found == null) throw new CapParseException("<" + name + "> (line " + line + ") lacks the required element <" + child + ">");
        return found;
    }

    String requiredText(String child) {
        XmlElement e = required(child);
        if (e.text.isBlank()) throw new CapParseException("<" + child + "> in <" + name + "> (line " + e.line + ") is empty");
        return e.text;
    }

    String optionalText(String child) {
        XmlElement e = optional(child);
        return e == null ? null : e.text;
    }

    List<String> texts(String child) {
        return all(child).stream().map(XmlElement::text).toList();
    }
}
