package cn.changning.governance.identity.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each client's secret comes from. Production: a file ({@code IDENTITY_CLIENT_SECRETS_FILE}) of lines
 * {@code <clientId>: {bcrypt}<hash>} (Spring Security's {@code DelegatingPasswordEncoder} format; {@code #} starts a
 * comment), never plain text. The local stack: development secrets, {@code dev-<clientId>} for every client the file
 * does not name. A client with neither is not registered.
 */
public final class ClientSecrets {

    /** The encodings a secrets file may use: bcrypt. Plain text ({@code {noop}}) is refused. */
    static final List<String> FILE_ENCODINGS = List.of(ClientSecretEncoder.BCRYPT);

    public static final String DEVELOPMENT_PREFIX = "dev-";

    private final Map<String, String> fromFile;
    private final boolean developmentSecrets;

    ClientSecrets(Map<String, String> fromFile, boolean developmentSecrets) {
        this.fromFile = Map.copyOf(fromFile);
        this.developmentSecrets = developmentSecrets;
    }

    /** @param file a secrets file, or {@code null} for none */
    public static ClientSecrets of(Path file, boolean developmentSecrets) {
        return new ClientSecrets(file == null ? Map.of() : read(file), developmentSecrets);
    }

    /** The secret of a development client (never for production). */
    public static String developmentSecret(String clientId) {
        return DEVELOPMENT_PREFIX + clientId;
    }

    /** The encoded secret of a client ({@code {id}...}), or empty if it has none. */
    Optional<String> encodedSecret(String clientId) {
        String encoded = fromFile.get(clientId);
        if (encoded != null) {
            return Optional.of(encoded);
        }
        return developmentSecrets ? Optional.of("{noop}" + developmentSecret(clientId)) : Optional.empty();
    }

    boolean fromFile(String clientId) {
        return fromFile.containsKey(clientId);
    }

    Map<String, String> fileEntries() {
        return fromFile;
    }

    boolean developmentSecrets() {
        return developmentSecrets;
    }

    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the client secrets file " + file.toAbsolutePath(), e);
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(where + ": expected '<clientId>: {bcrypt}<hash>'");
            }
            String clientId = line.substring(0, colon).strip();
            String encoded = line.substring(colon + 1).strip();
            // The secret itself is never part of a message.
            if (!encoded.startsWith("{") || encoded.indexOf('}') < 0) {
                throw new IllegalArgumentException(where + ": the secret of " + clientId
                        + " must be encoded as {bcrypt}<hash> (Spring Security's DelegatingPasswordEncoder format), not plain text");
            }
            String encoding = encoded.substring(1, encoded.indexOf('}'));
            if (!FILE_ENCODINGS.contains(encoding)) {
                throw new IllegalArgumentException(where + ": the secret of " + clientId + " is encoded as {" + encoding
                        + "}; use one of " + FILE_ENCODINGS.stream().map(e -> "{" + e + "}").toList());
            }
            if (secrets.put(clientId, encoded) != null) {
                throw new IllegalArgumentException(where + ": client " + clientId + " has a secret already");
            }
        }
        return secrets;
    }
}
