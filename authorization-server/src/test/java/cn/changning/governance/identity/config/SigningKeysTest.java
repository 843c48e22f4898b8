package cn.changning.governance.identity.config;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void theKeyIsMadeOnceOwnerOnlyAndReadBackTheSame() throws Exception {
        Path keys = dir.resolve("nested/identity");
        RSAKey made = SigningKeys.loadOrCreate(keys);
        assertThat(made.size()).isEqualTo(2048);
        assertThat(made.isPrivate()).isTrue();
        assertThat(made.getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(SigningKeys.FILE)))).isEqualTo("rw-------");
        RSAKey read = SigningKeys.loadOrCreate(keys);
        assertThat(read).isEqualTo(made);
        try (var files = Files.list(keys)) {
            assertThat(files).containsExactly(keys.resolve(SigningKeys.FILE)); // no temporary file left
        }
    }

    @Test
    void aPublicOnlyOrSmallOrBrokenKeyFileIsRefused() throws Exception {
        Files.writeString(dir.resolve(SigningKeys.FILE), new RSAKeyGenerator(2048).keyID("k").generate().toPublicJWK().toJSONString());
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dir)).hasMessageContaining("must hold a private RSA key");
        Files.writeString(dir.resolve(SigningKeys.FILE), new RSAKeyGenerator(1024, true).keyID("k").generate().toJSONString());
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dir)).hasMessageContaining("1024 bits");
        Files.writeString(dir.resolve(SigningKeys.FILE), "{not json");
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dir)).hasMessageContaining("is not a JWK");
    }
}
