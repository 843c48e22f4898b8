package cn.changning.governance.contracts.cases;

import cn.changning.governance.contracts.personal.SealedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The reporter's email was added to CaseReported v2 as an optional field: records without it read as before. */
class SealedReporterTest {

    /** As the services write events: instants as ISO-8601 text. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String BEFORE_EMAIL = """
            {"caseId":"8f1d2c3e-0000-4000-8000-000000000001","itemCode":"0101",
             "location":{"latitude":31.2,"longitude":121.4,"gridCode":null,"address":"Huayang Rd 1"},
             "description":"Cover missing","source":"RESIDENT",
             "reporter":{"name":{"subject":"case-reporter:8f1d2c3e-0000-4000-8000-000000000001","ciphertext":"AQbm9uY2U="},"contact":null},
             "reportedAt":"2026-11-30T01:00:00Z","reportedBy":"partner-hotline-12345"}""";

    private static JsonSchema schema() throws Exception {
        try (InputStream in = SealedReporterTest.class.getClassLoader().getResourceAsStream("schemas/case/CaseReported.v2.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        }
    }

    @Test
    void aRecordPublishedBeforeTheEmailReadsWithoutOneAndStillMatchesTheSchema() throws Exception {
        CaseReported event = JSON.readValue(BEFORE_EMAIL, CaseReported.class);

        assertThat(event.reporter().name().subject()).isEqualTo("case-reporter:8f1d2c3e-0000-4000-8000-000000000001");
        assertThat(event.reporter().email()).isNull();
        assertThat(schema().validate(JSON.readTree(BEFORE_EMAIL))).isEmpty();
    }

    @Test
    void aSealedEmailTravelsWithTheRestAndMatchesTheSchema() throws Exception {
        String subject = "case-reporter:8f1d2c3e-0000-4000-8000-000000000002";
        CaseReported event = new CaseReported("8f1d2c3e-0000-4000-8000-000000000002", "0101",
                new CaseLocation(31.2, 121.4, null, "Huayang Rd 1"), "Cover missing", ReportSource.PARTNER_SYSTEM,
                new SealedReporter(null, new SealedValue(subject, "AQcontact"), new SealedValue(subject, "AQemail")),
                Instant.parse("2026-11-30T01:00:00Z"), "partner-hotline-12345");
        JsonNode written = JSON.readTree(JSON.writeValueAsBytes(event));

        assertThat(written.get("reporter").get("email").get("ciphertext").asText()).isEqualTo("AQemail");
        assertThat(schema().validate(written)).isEmpty();
        assertThat(JSON.treeToValue(written, CaseReported.class)).isEqualTo(event);
    }
}
