package cn.changning.governance.cases;

import cn.changning.governance.cases.projection.CaseChanges;
import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.PublishedEvent;
import cn.changning.governance.contracts.cases.CaseReportedV1;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every case event is published language: annotated, with a JSON Schema naming its fields and an AsyncAPI message. */
class CaseEventContractTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyCaseEventHasItsSchemaAndItsAsyncApiMessage() throws IOException {
        String asyncApi = resource("asyncapi.yaml");
        assertThat(CaseChanges.EVENTS).hasSize(17);
        for (Class<?> event : CaseChanges.EVENTS) {
            assertThat(event.getAnnotation(PublishedEvent.class).context()).as(event.getSimpleName()).isEqualTo("case");
            JsonNode schema = json.readTree(resource(EventTypes.schemaPath(event)));
            List<String> properties = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            List<String> fields = new ArrayList<>();
            for (RecordComponent component : event.getRecordComponents()) {
                fields.add(component.getName());
            }
            assertThat(properties).as(event.getSimpleName() + " schema properties").containsExactlyInAnyOrderElementsOf(fields);
            schema.get("required").forEach(r -> assertThat(fields).as(event.getSimpleName()).contains(r.asText()));
            if (event == CaseReportedV1.class) {
                continue; // the version before, read from the topic: AsyncAPI names the current one (v2)
            }
            assertThat(asyncApi).contains("$ref: '" + EventTypes.schemaPath(event) + "'")
                    .contains("      " + event.getSimpleName() + ":\n        $ref: '#/components/messages/" + event.getSimpleName() + "'");
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = CaseEventContractTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
