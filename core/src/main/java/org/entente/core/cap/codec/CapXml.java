package org.entente.core.cap.codec;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.entente.core.cap.Alert;
import org.entente.core.cap.Area;
import org.entente.core.cap.CapTime;
import org.entente.core.cap.Category;
import org.entente.core.cap.Certainty;
import org.entente.core.cap.Info;
import org.entente.core.cap.InvalidCapException;
import org.entente.core.cap.MsgType;
import org.entente.core.cap.Parameter;
import org.entente.core.cap.Resource;
import org.entente.core.cap.ResponseType;
import org.entente.core.cap.Scope;
import org.entente.core.cap.Severity;
import org.entente.core.cap.Status;
import org.entente.core.cap.Urgency;

/**
 * CAP 1.2 alerts to and from XML, with the JDK's StAX. Reading is safe by construction: a document with a
 * DOCTYPE is refused before anything in it is processed (no DTD, so no entity expansion and no external
 * entities), the document size and the nesting depth are bounded, and every required element is checked,
 * an error naming it. Elements of other namespaces (an XML signature, CAP 1.2 section 3.3.4) are skipped;
 * an unknown element of the CAP namespace is an error.
 */
public final class CapXml {
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    public static final String MEDIA_TYPE = "application/cap+xml";
    /** Far above any real alert (the spec's examples are 1-3 KiB), far below what could hurt a node. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;
    private static final int MAX_DEPTH = 8;

    private static final Map<String, Set<String>> CHILDREN = Map.of(
            "alert", Set.of("identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction",
                    "addresses", "code", "note", "references", "incidents", "info"),
            "info", Set.of("language", "category", "event", "responseType", "urgency", "severity", "certainty",
                    "audience", "eventCode", "effective", "onset", "expires", "senderName", "headline", "description",
                    "instruction", "web", "contact", "parameter", "resource", "area"),
            "resource", Set.of("resourceDesc", "mimeType", "size", "uri", "derefUri", "digest"),
            "area", Set.of("areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling"),
            "eventCode", Set.of("valueName", "value"),
            "parameter", Set.of("valueName", "value"),
            "geocode", Set.of("valueName", "value"));

    private final int maxBytes;

    public CapXml() {
        this(DEFAULT_MAX_BYTES);
    }

    public CapXml(int maxBytes) {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive");
        this.maxBytes = maxBytes;
    }

    // Reading

    /** Parses one alert document; a {@link CapParseException} or {@link InvalidCapException} names the problem. */
    public Alert read(byte[] document) {
        if (document.length > maxBytes) {
            throw new CapParseException("the CAP document has " + document.length + " bytes, more than the " + maxBytes + " allowed");
        }
        XmlElement root = readTree(document);
        if (!root.name().equals("alert")) throw new CapParseException("the root element must be <alert> in namespace " + NAMESPACE + ", not <" + root.name() + ">");
        return alert(root);
    }

    public Alert read(String document) {
        return read(document.getBytes(StandardCharsets.UTF_8));
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private static XmlElement readTree(byte[] document) {
        XMLStreamReader reader = null;
        try {
            reader = inputFactory().createXMLStreamReader(new ByteArrayInputStream(document));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    // Refused outright rather than ignored: a DTD is how entity expansion (billion laughs)
                    // and external entities (XXE) get in, and CAP never needs one.
                    throw new CapParseException("a CAP document must not contain a DOCTYPE (DTDs and entity declarations are refused), line "
                            + reader.getLocation().getLineNumber());
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!NAMESPACE.equals(reader.getNamespaceURI())) {
                        throw new CapParseException("the root element must be <alert> in namespace " + NAMESPACE
                                + ", not <" + reader.getLocalName() + "> in namespace '" + nullToEmpty(reader.getNamespaceURI()) + "'");
                    }
                    return element(reader, 1);
                }
            }
            throw new CapParseException("the document has no root element");
        } catch (XMLStreamException e) {
            String message = e.getMessage();
            int at = message == null ? -1 : message.indexOf("Message: ");
            String reason = at >= 0 ? message.substring(at + 9) : message;
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new CapParseException("malformed XML: " + reason + (line > 0 ? " (line " + line + ")" : ""));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the byte array
                }
            }
        }
    }

    /** Reads the element the reader stands on, up to and including its end tag. */
    private static XmlElement element(XMLStreamReader reader, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) throw new CapParseException("elements nest deeper than CAP allows, line " + reader.getLocation().getLineNumber());
        String name = reader.getLocalName();
        int line = reader.getLocation().getLineNumber();
        Set<String> allowed = CHILDREN.getOrDefault(name, Set.of());
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!NAMESPACE.equals(reader.getNamespaceURI())) {
                        skip(reader, depth + 1);
                    } else if (!allowed.contains(reader.getLocalName())) {
                        throw new CapParseException("unknown element <" + reader.getLocalName() + "> in <" + name
                                + "> (line " + reader.getLocation().getLineNumber() + ")");
                    } else {
                        children.add(element(reader, depth + 1));
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(reader.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new CapParseException("entity references are refused: &" + reader.getLocalName() + ";");
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(name, children.isEmpty() ? text.toString().strip() : "", List.copyOf(children), line);
                }
                default -> {
                    // comments and processing instructions carry nothing of the alert
                }
            }
        }
    }

    private static void skip(XMLStreamReader reader, int depth) throws XMLStreamException {
        int open = 1;
        while (open > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT && depth + open > MAX_DEPTH) {
                throw new CapParseException("elements nest deeper than CAP allows, line " + reader.getLocation().getLineNumber());
            }
            if (event == XMLStreamConstants.START_ELEMENT) open++;
            if (event == XMLStreamConstants.END_ELEMENT) open--;
        }
    }

    private static Alert alert(XmlElement e) {
        return build(() -> new Alert(
                e.requiredText("identifier"), e.requiredText("sender"), time(e, "sent", true),
                value(e, "status", Status.class, true), value(e, "msgType", MsgType.class, true), e.optionalText("source"),
                value(e, "scope", Scope.class, true), e.optionalText("restriction"), e.optionalText("addresses"),
                e.texts("code"), e.optionalText("note"), e.optionalText("references"), e.optionalText("incidents"),
                e.all("info").stream().map(CapXml::info).toList()));
    }

    private static Info info(XmlElement e) {
        return build(() -> new Info(
                e.optionalText("language"), values(e, "category", Category.class), e.requiredText("event"),
                values(e, "responseType", ResponseType.class), value(e, "urgency", Urgency.class, true),
                value(e, "severity", Severity.class, true), value(e, "certainty", Certainty.class, true),
                e.optionalText("audience"), parameters(e, "eventCode"), time(e, "effective", false),
                time(e, "onset", false), time(e, "expires", false), e.optionalText("senderName"),
                e.optionalText("headline"), e.optionalText("description"), e.optionalText("instruction"),
                e.optionalText("web"), e.optionalText("contact"), parameters(e, "parameter"),
                e.all("resource").stream().map(CapXml::resource).toList(),
                e.all("area").stream().map(CapXml::area).toList()));
    }

    private static Resource resource(XmlElement e) {
        String size = e.optionalText("size");
        Long bytes;
        try {
            bytes = size == null ? null : Long.valueOf(size);
        } catch (NumberFormatException nfe) {
            throw new CapParseException("<size> in <resource> must be a whole number of bytes, not '" + size + "'");
        }
        return build(() -> new Resource(e.requiredText("resourceDesc"), e.requiredText("mimeType"), bytes,
                e.optionalText("uri"), e.optionalText("derefUri"), e.optionalText("digest")));
    }

    private static Area area(XmlElement e) {
        return build(() -> new Area(e.requiredText("areaDesc"), e.texts("polygon"), e.texts("circle"),
                parameters(e, "geocode"), decimal(e, "altitude"), decimal(e, "ceiling")));
    }

    private static List<Parameter> parameters(XmlElement e, String name) {
        return e.all(name).stream()
                .map(p -> build(() -> new Parameter(p.requiredText("valueName"), p.requiredText("value"))))
                .toList();
    }

    private static BigDecimal decimal(XmlElement e, String name) {
        String text = e.optionalText(name);
        if (text == null) return null;
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException nfe) {
            throw new CapParseException("<" + name + "> must be a number of feet, not '" + text + "'");
        }
    }

    private static OffsetDateTime time(XmlElement e, String name, boolean required) {
        String text = required ? e.requiredText(name) : e.optionalText(name);
        return text == null ? null : CapTime.parse(text, name);
    }

    private static <T extends Enum<T>> T value(XmlElement e, String name, Class<T> type, boolean required) {
        String text = required ? e.requiredText(name) : e.optionalText(name);
        return text == null ? null : constant(type, name, text);
    }

    private static <T extends Enum<T>> List<T> values(XmlElement e, String name, Class<T> type) {
        return e.texts(name).stream().map(text -> constant(type, name, text)).toList();
    }

    private static <T extends Enum<T>> T constant(Class<T> type, String name, String text) {
        for (T constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) return constant;
        }
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        throw new CapParseException("<" + name + "> must be one of " + allowed + ", not '" + text + "'");
    }

    /** Record rules failing while reading are reported as parse errors, with the record's own message. */
    private static <T> T build(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidCapException e) {
            throw new CapParseException(e.getMessage());
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // Writing

    /** The alert as a UTF-8 CAP 1.2 document, elements in the specification's order. */
    public byte[] write(Alert alert) {
        return writeString(alert).getBytes(StandardCharsets.UTF_8);
    }

    public String writeString(Alert alert) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            Writer xml = new Writer(w);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("", "alert", NAMESPACE);
            w.writeDefaultNamespace(NAMESPACE);
            xml.text(1, "identifier", alert.identifier());
            xml.text(1, "sender", alert.sender());
            xml.text(1, "sent", CapTime.format(alert.sent()));
            xml.text(1, "status", alert.status().name());
            xml.text(1, "msgType", alert.msgType().name());
            xml.text(1, "source", alert.source());
            xml.text(1, "scope", alert.scope().name());
            xml.text(1, "restriction", alert.restriction());
            xml.text(1, "addresses", alert.addresses());
            for (String code : alert.codes()) xml.text(1, "code", code);
            xml.text(1, "note", alert.note());
            xml.text(1, "references", alert.references());
            xml.text(1, "incidents", alert.incidents());
            for (Info info : alert.infos()) xml.info(info);
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write a CAP alert", e);
        }
        return out.toString();
    }

    /** Writes indented elements; a null value writes nothing (the element is optional). */
    private record Writer(XMLStreamWriter w) {
        void text(int depth, String name, String value) throws XMLStreamException {
            if (value == null) return;
            indent(depth);
            w.writeStartElement(NAMESPACE, name);
            w.writeCharacters(value);
            w.writeEndElement();
        }

        void open(int depth, String name) throws XMLStreamException {
            indent(depth);
            w.writeStartElement(NAMESPACE, name);
        }

        void close(int depth) throws XMLStreamException {
            indent(depth);
            w.writeEndElement();
        }

        void indent(int depth) throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }

        void times(int depth, String name, OffsetDateTime time) throws XMLStreamException {
            if (time != null) text(depth, name, CapTime.format(time));
        }

        void parameters(int depth, String name, List<Parameter> parameters) throws XMLStreamException {
            for (Parameter p : parameters) {
                open(depth, name);
                text(depth + 1, "valueName", p.valueName());
                text(depth + 1, "value", p.value());
                close(depth);
            }
        }

        void info(Info info) throws XMLStreamException {
            open(1, "info");
            text(2, "language", info.language());
            for (Category c : info.categories()) text(2, "category", c.name());
            text(2, "event", info.event());
            for (ResponseType r : info.responseTypes()) text(2, "responseType", r.name());
            text(2, "urgency", info.urgency().name());
            text(2, "severity", info.severity().name());
            text(2, "certainty", info.certainty().name());
            text(2, "audience", info.audience());
            parameters(2, "eventCode", info.eventCodes());
            times(2, "effective", info.effective());
            times(2, "onset", info.onset());
            times(2, "expires", info.expires());
            text(2, "senderName", info.senderName());
            text(2, "headline", info.headline());
            text(2, "description", info.description());
            text(2, "instruction", info.instruction());
            text(2, "web", info.web());
            text(2, "contact", info.contact());
            parameters(2, "parameter", info.parameters());
            for (Resource r : info.resources()) {
                open(2, "resource");
                text(3, "resourceDesc", r.resourceDesc());
                text(3, "mimeType", r.mimeType());
                text(3, "size", r.size() == null ? null : r.size().toString());
                text(3, "uri", r.uri());
                text(3, "derefUri", r.derefUri());
                text(3, "digest", r.digest());
                close(2);
            }
            for (Area a : info.areas()) {
                open(2, "area");
                text(3, "areaDesc", a.areaDesc());
                for (String p : a.polygons()) text(3, "polygon", p);
                for (String c : a.circles()) text(3, "circle", c);
                parameters(3, "geocode", a.geocodes());
                text(3, "altitude", plain(a.altitude()));
                text(3, "ceiling", plain(a.ceiling()));
                close(2);
            }
            close(1);
        }

        private static String plain(BigDecimal value) {
            return value == null ? null : value.toPlainString();
        }
    }
}
