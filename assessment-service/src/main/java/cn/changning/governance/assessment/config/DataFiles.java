package cn.changning.governance.assessment.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the assessment's versioned data files (the scoring schemes, the questionnaire) from the classpath as JSON
 * trees. The reading is here, outside the domain; the domain checks each tree and names the entry at fault.
 */
public final class DataFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private DataFiles() {
    }

    /** The file at {@code resource} (e.g. {@code assessment/schemes/index.json}); a missing or unreadable file is refused naming it. */
    public static JsonNode read(String resource) {
        try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + ": not on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
