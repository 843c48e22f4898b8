package cn.changning.governance.cases.api.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes an answer, built once as ordered maps and lists of strings, numbers and booleans, in either format: JSON
 * with the service's mapper, XML with the JDK's StAX (no namespaces, UTF-8). XML needs a name for each list's items:
 * the top-level list's comes with the answer, a nested list's from its field ({@link #ITEMS}).
 */
public final class Open311Writer {

    /** The item element of each nested list, as the spec names them. */
    static final Map<String, String> ITEMS = Map.of(
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format");

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /**
     * An answer to write.
     *
     * @param root the XML root element, e.g. {@code service_requests}
     * @param item the XML element of each item when {@code body} is a list, e.g. {@code request}; else null
     * @param body a list of maps, or a map
     */
    public record Answer(String root, String item, Object body) {

        static Answer list(String root, String item, List<? extends Map<String, ?>> items) {
            return new Answer(root, item, items);
        }

        static Answer object(String root, Map<String, ?> fields) {
            return new Answer(root, null, fields);
        }
    }

    private final ObjectMapper json;

    public Open311Writer(ObjectMapper json) {
        this.json = json;
    }

    /** The answer as an HTTP response in the format, UTF-8. */
    public ResponseEntity<byte[]> respond(HttpStatus status, Open311Format format, Answer answer) {
        return ResponseEntity.status(status).contentType(format.contentType()).body(write(format, answer));
    }

    public byte[] write(Open311Format format, Answer answer) {
        return format == Open311Format.JSON ? json(answer) : xml(answer);
    }

    private byte[] json(Answer answer) {
        try {
            return json.writeValueAsBytes(answer.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Open311 answer is maps, lists and plain values: " + e.getMessage(), e);
        }
    }

    static byte[] xml(Answer answer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            if (answer.body() instanceof List<?> items) {
                list(xml, answer.root(), answer.item(), items);
            } else {
                value(xml, answer.root(), answer.body());
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write an Open311 answer: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void value(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value instanceof List<?> items) {
            String item = ITEMS.get(name);
            if (item == null) {
                throw new IllegalArgumentException("no XML item name for the list " + name);
            }
            list(xml, name, item, items);
            return;
        }
        if (value == null || (value instanceof String s && s.isEmpty())) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                value(xml, String.valueOf(field.getKey()), field.getValue());
            }
        } else {
            text(xml, text(value));
        }
        xml.writeEndElement();
    }

    private static void list(XMLStreamWriter xml, String name, String item, List<?> items) throws XMLStreamException {
        xml.writeStartElement(name);
        for (Object each : items) {
            value(xml, item, each);
        }
        xml.writeEndElement();
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString(); // never 1.0E-4
        }
        return String.valueOf(value);
    }

    /**
     * Text as XML 1.0 can carry it: a CR as {@code &#13;} (a parser turns a raw CR, or CRLF, into LF: the
     * description's line ends would change), a character XML cannot hold as U+FFFD.
     */
    private static void text(XMLStreamWriter xml, String text) throws XMLStreamException {
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                xml.writeCharacters(run.toString());
                run.setLength(0);
                xml.writeEntityRef("#13");
            } else if (c < 0x20 && c != '\t' && c != '\n' || c == 0xFFFE || c == 0xFFFF) {
                run.append('\uFFFD');
            } else {
                run.append(c);
            }
        }
        xml.writeCharacters(run.toString());
    }
}
