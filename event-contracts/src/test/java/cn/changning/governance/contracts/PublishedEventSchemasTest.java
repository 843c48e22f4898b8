package cn.changning.governance.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every published event has its JSON Schema, and the schema describes the record as it is:
 * the same fields, and every required field a field of the record. A field added to a record
 * without its schema (or renamed in one only) fails here, before an integrator finds out.
 */
class PublishedEventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPublishedEventHasASchemaThatMatchesItsFields() throws Exception {
        List<Class<?>> events = publishedEvents();
        assertThat(events).isNotEmpty();
        for (Class<?> event : events) {
            String path = EventTypes.schemaPath(event);
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
                assertThat(in).as("schema %s for %s", path, event.getSimpleName()).isNotNull();
                JsonNode schema = JSON.readTree(in);
                Set<String> recordFields = Arrays.stream(event.getRecordComponents())
                        .map(c -> c.getName()).collect(Collectors.toCollection(TreeSet::new));
                Set<String> schemaFields = new TreeSet<>();
                schema.path("properties").fieldNames().forEachRemaining(schemaFields::add);
                assertThat(schemaFields).as("properties of %s", path).isEqualTo(recordFields);
                for (Iterator<JsonNode> it = schema.path("required").elements(); it.hasNext(); ) {
                    assertThat(recordFields).as("required of %s", path).contains(it.next().asText());
                }
                assertThat(schema.path("title").asText()).startsWith(EventTypes.publishedName(event) + " v");
            }
        }
    }

    @Test
    void cloudEventTypesNameContextEventAndVersion() {
        assertThat(EventTypes.cloudEventType(cn.changning.governance.contracts.cases.CaseReported.class))
                .isEqualTo("cn.changning.governance.case.CaseReported.v2");
        assertThat(EventTypes.cloudEventType(cn.changning.governance.contracts.cases.CaseReportedV1.class))
                .isEqualTo("cn.changning.governance.case.CaseReported.v1");
        assertThat(EventTypes.schemaPath(cn.changning.governance.contracts.cases.CaseReportedV1.class))
                .isEqualTo("schemas/case/CaseReported.v1.json");
        assertThat(EventTypes.simpleName("cn.changning.governance.case.CaseReported.v1")).isEqualTo("CaseReported");
        assertThat(EventTypes.simpleName("com.example.Other")).isNull();
    }

    /** The @PublishedEvent records of this module, found in its compiled classes. */
    private static List<Class<?>> publishedEvents() throws IOException, URISyntaxException, ClassNotFoundException {
        URL root = PublishedEvent.class.getResource("PublishedEvent.class");
        Path base = Paths.get(root.toURI()).getParent();
        List<Class<?>> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = "cn.changning.governance.contracts." + base.relativize(file).toString()
                        .replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name);
                if (type.isRecord() && EventTypes.isPublished(type)) {
                    events.add(type);
                }
            }
        }
        return events;
    }
}
