package cn.changning.governance.identity.clients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The callers of the platform ({@value #RESOURCE} on the classpath, generated from the reference data by
 * {@link ClientsFileGenerator}; or a replacement file named by {@code IDENTITY_CLIENTS_FILE}). It holds no secret.
 *
 * @param description     what the file is and how it was made
 * @param agenciesEdition the edition of the agency directory it was generated from
 */
public record ClientsFile(String description, String agenciesEdition, List<CallerClient> clients) {

    public static final String RESOURCE = "identity/clients.v1.json";

    // Strict, like the reference data: a misspelt field must fail at start, not become a missing claim.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public ClientsFile {
        if (clients == null || clients.isEmpty()) {
            throw new IllegalArgumentException("the clients file lists no client");
        }
        Set<String> ids = new HashSet<>();
        for (CallerClient client : clients) {
            if (client == null) {
                throw new IllegalArgumentException("the clients file has an empty entry");
            }
            if (!ids.add(client.clientId())) {
                throw new IllegalArgumentException("client listed twice: " + client.clientId());
            }
        }
        clients = List.copyOf(clients);
    }

    public static ClientsFile read(InputStream in, String where) {
        try {
            return MAPPER.readValue(in, ClientsFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the clients file " + where + ": " + e.getMessage(), e);
        }
    }

    public static ClientsFile shipped() {
        try (InputStream in = ClientsFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("not on the classpath: " + RESOURCE);
            }
            return read(in, "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text: stable (same input, same bytes), two-space indent, LF line ends, a final newline. */
    public String render() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
