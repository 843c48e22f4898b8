package cn.changning.governance.identity.config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The token signing key: RSA 2048 (RS256), kept as a private JWK (JSON) in {@value #FILE} in the key directory, made
 * on first start and read on every later one, so tokens issued before a restart still verify afterwards. Only
 * the public half is ever published ({@code /oauth2/jwks}). The file is readable by its owner only.
 */
public final class SigningKeys {

    public static final String FILE = "signing-key.jwk.json";
    static final int KEY_SIZE = 2048;

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    public static RSAKey loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                RSAKey key = read(file);
                log.info("Token signing key {} read from {}", key.getKeyID(), file.toAbsolutePath());
                return key;
            }
            createDirectory(directory);
            RSAKey key = new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            Path temp = Files.createTempFile(directory, ".signing-key", ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, key.toJSONString() + "\n", StandardCharsets.UTF_8);
                Files.move(temp, file); // no replace: if another process was first, its key wins
            } catch (FileAlreadyExistsException e) {
                RSAKey theirs = read(file);
                log.info("Token signing key {} read from {} (made by another process meanwhile)", theirs.getKeyID(), file.toAbsolutePath());
                return theirs;
            } finally {
                Files.deleteIfExists(temp);
            }
            log.info("Token signing key {} created in {}", key.getKeyID(), file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key in " + directory.toAbsolutePath(), e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot create an RSA signing key", e);
        }
    }

    private static RSAKey read(Path file) throws IOException {
        try {
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
                throw new IllegalStateException(file + " must hold a private RSA key (JWK)");
            }
            if (rsa.size() < KEY_SIZE) {
                throw new IllegalStateException(file + " holds an RSA key of " + rsa.size() + " bits; at least " + KEY_SIZE + " are needed");
            }
            if (rsa.getKeyID() == null) {
                throw new IllegalStateException(file + " holds a key without a key id (kid)");
            }
            return rsa;
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK: " + e.getMessage(), e);
        }
    }

    private static void createDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            restrictToOwner(directory);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }
}
