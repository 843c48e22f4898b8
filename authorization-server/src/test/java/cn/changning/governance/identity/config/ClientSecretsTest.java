package cn.changning.governance.identity.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientSecretsTest {

    @TempDir
    Path dir;

    @Test
    void aSecretsFileHasOneHashedSecretPerLineWithComments() throws Exception {
        Path file = write("""
                # comment
                street-310105001: {bcrypt}$2a$10$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY

                  registry-officer :  {bcrypt}$2a$04$abc
                """);
        ClientSecrets secrets = ClientSecrets.of(file, false);
        assertThat(secrets.encodedSecret("street-310105001")).contains("{bcrypt}$2a$10$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXY");
        assertThat(secrets.encodedSecret("registry-officer")).contains("{bcrypt}$2a$04$abc");
        assertThat(secrets.encodedSecret("street-310105002")).isEmpty();
    }

    @Test
    void developmentSecretsFillInWhereTheFileHasNone() throws Exception {
        ClientSecrets secrets = ClientSecrets.of(write("street-310105001: {bcrypt}$2a$10$x\n"), true);
        assertThat(secrets.encodedSecret("street-310105001")).contains("{bcrypt}$2a$10$x");
        assertThat(secrets.encodedSecret("street-310105002")).contains("{noop}dev-street-310105002");
        assertThat(ClientSecrets.developmentSecret("agency-310105001-squad")).isEqualTo("dev-agency-310105001-squad");
        assertThat(ClientSecrets.of(null, false).encodedSecret("street-310105002")).isEmpty();
    }

    @Test
    void plainTextUnknownEncodingsAndRepeatsAreRefusedWithoutShowingTheSecret() throws Exception {
        assertThatThrownBy(() -> ClientSecrets.of(write("street-310105001: hunter2\n"), false))
                .hasMessageContaining("line 1").hasMessageContaining("not plain text").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ClientSecrets.of(write("street-310105001: {noop}hunter2\n"), false))
                .hasMessageContaining("encoded as {noop}").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ClientSecrets.of(write("street-310105001: {sha256}abc\n"), false))
                .hasMessageContaining("use one of [{bcrypt}]");
        assertThatThrownBy(() -> ClientSecrets.of(write("# c\nstreet-310105001 {bcrypt}x\n"), false))
                .hasMessageContaining("line 2").hasMessageContaining("expected '<clientId>: {bcrypt}<hash>'");
        assertThatThrownBy(() -> ClientSecrets.of(write("a: {bcrypt}x\na: {bcrypt}y\n"), false))
                .hasMessageContaining("client a has a secret already");
    }

    @Test
    void theEncoderChecksBcryptAndNeverUpgrades() {
        ClientSecretEncoder encoder = new ClientSecretEncoder();
        String bcrypt = encoder.encode("s3cret");
        assertThat(bcrypt).startsWith("{bcrypt}$2a$");
        assertThat(encoder.matches("s3cret", bcrypt)).isTrue();
        assertThat(encoder.matches("other", bcrypt)).isFalse();
        assertThat(encoder.matches("dev-x", "{noop}dev-x")).isTrue();
        assertThat(encoder.upgradeEncoding("{noop}dev-x")).isFalse();
    }

    @Test
    void hashSecretWritesALineTheSecretsFileReadsBack() throws Exception {
        String line = HashSecret.line("street-310105001", "a-long-enough-secret");
        ClientSecrets secrets = ClientSecrets.of(write(line + "\n"), false);
        String encoded = secrets.encodedSecret("street-310105001").orElseThrow();
        assertThat(encoded).startsWith("{bcrypt}$2a$10$").doesNotContain("a-long-enough-secret");
        assertThat(new ClientSecretEncoder().matches("a-long-enough-secret", encoded)).isTrue();
        // htpasswd's and mkpasswd's bcrypt flavours ($2y$, $2b$) are read too.
        String htpasswdFlavour = "{bcrypt}$2y$" + encoded.substring("{bcrypt}$2a$".length());
        assertThat(new ClientSecretEncoder().matches("a-long-enough-secret", htpasswdFlavour)).isTrue();
        assertThat(new ClientSecretEncoder().matches("another-secret-altogether", htpasswdFlavour)).isFalse();
    }

    private Path write(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "secrets", ".txt"), text);
    }
}
