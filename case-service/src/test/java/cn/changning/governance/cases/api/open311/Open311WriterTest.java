package cn.changning.governance.cases.api.open311;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Open311WriterTest {

    private final Open311Writer writer = new Open311Writer(new ObjectMapper());

    private static Map<String, Object> request(String description) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", "c-1");
        r.put("service_name", "上水井盖");
        r.put("description", description);
        r.put("address_id", "");
        r.put("expected_datetime", null);
        r.put("lat", 31.22885);
        return r;
    }

    static Document dom(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void aListIsTheRootWithOneElementPerItemInUtf8AndNoNamespace() throws Exception {
        byte[] xml = writer.write(Open311Format.XML, Open311Writer.Answer.list("service_requests", "request",
                List.of(request("a"), request("b"))));

        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .doesNotContain("xmlns");
        Document doc = dom(xml);
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        assertThat(root.getNamespaceURI()).isNull();
        assertThat(root.getElementsByTagName("request").getLength()).isEqualTo(2);
        Element first = (Element) root.getElementsByTagName("request").item(0);
        assertThat(first.getElementsByTagName("service_name").item(0).getTextContent()).isEqualTo("上水井盖");
        assertThat(first.getElementsByTagName("lat").item(0).getTextContent()).isEqualTo("31.22885");
        assertThat(first.getElementsByTagName("address_id").item(0).getTextContent()).isEmpty();
        assertThat(first.getElementsByTagName("expected_datetime").getLength()).as("an absent value is an empty element").isEqualTo(1);
    }

    @Test
    void markupIsEscapedAndCrlfSurvivesAParser() throws Exception {
        String description = "<b>Cover & \"frame\"</b>\r\nsecond line\r\n";
        Document doc = dom(writer.write(Open311Format.XML, Open311Writer.Answer.list("service_requests", "request",
                List.of(request(description)))));

        assertThat(doc.getElementsByTagName("description").item(0).getTextContent()).isEqualTo(description);
        assertThat(doc.getElementsByTagName("b").getLength()).isZero();
    }

    @Test
    void aCharacterXmlCannotHoldIsReplacedNotWrittenRaw() throws Exception {
        Document doc = dom(writer.write(Open311Format.XML, Open311Writer.Answer.object("discovery",
                Map.of("contact", "bell\u0007here"))));

        assertThat(doc.getElementsByTagName("contact").item(0).getTextContent()).isEqualTo("bell\uFFFDhere");
    }

    @Test
    void nestedListsTakeTheSpecsItemNames() throws Exception {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("code", "source");
        attribute.put("values", List.of(Map.of("key", "RESIDENT", "name", "A resident")));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", "0101");
        definition.put("attributes", List.of(attribute));
        Document doc = dom(writer.write(Open311Format.XML, Open311Writer.Answer.object("service_definition", definition)));

        Element value = (Element) doc.getElementsByTagName("value").item(0);
        assertThat(value.getParentNode().getNodeName()).isEqualTo("values");
        assertThat(value.getParentNode().getParentNode().getNodeName()).isEqualTo("attribute");
        assertThat(value.getElementsByTagName("key").item(0).getTextContent()).isEqualTo("RESIDENT");
        assertThatThrownBy(() -> writer.write(Open311Format.XML, Open311Writer.Answer.object("x", Map.of("unnamed", List.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unnamed");
    }

    @Test
    void jsonIsTheListOrTheObjectItselfWithItsNulls() throws Exception {
        JsonNode list = new ObjectMapper().readTree(writer.write(Open311Format.JSON,
                Open311Writer.Answer.list("service_requests", "request", List.of(request("a\r\nb")))));

        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).get("description").asText()).isEqualTo("a\r\nb");
        assertThat(list.get(0).get("expected_datetime").isNull()).isTrue();
        assertThat(list.get(0).get("lat").isNumber()).isTrue();
        assertThat(list.get(0).fieldNames()).toIterable().containsExactly("service_request_id", "service_name",
                "description", "address_id", "expected_datetime", "lat");
    }
}
