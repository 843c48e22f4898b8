package cn.changning.governance.identity.config;

import cn.changning.governance.identity.clients.ClientsFile;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisteredCallersTest {

    static final ClientsFile FILE = ClientsFile.shipped();

    @Test
    void withNoSecretAtAllTheServerRefusesToStart() {
        assertThatThrownBy(() -> RegisteredCallers.register(FILE, "f", new ClientSecrets(Map.of(), false), Duration.ofMinutes(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No client of f has a secret")
                .hasMessageContaining("IDENTITY_CLIENT_SECRETS_FILE")
                .hasMessageContaining("identity.development-secrets=true");
    }

    @Test
    void onlyClientsWithASecretAreRegisteredForClientCredentialsAlone() {
        RegisteredCallers callers = RegisteredCallers.register(FILE, "f",
                new ClientSecrets(Map.of("district-centre", "{bcrypt}$2a$10$x"), false), Duration.ofMinutes(5));
        assertThat(callers.registeredClients()).extracting(RegisteredClient::getClientId).containsExactly("district-centre");
        assertThat(callers.withoutSecret()).hasSize(FILE.clients().size() - 1).contains("street-310105001");
        assertThat(callers.caller("district-centre")).isPresent();
        assertThat(callers.caller("street-310105001")).isEmpty();

        RegisteredClient client = callers.registeredClients().get(0);
        assertThat(client.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
        assertThat(client.getClientAuthenticationMethods()).containsExactlyInAnyOrder(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
        assertThat(client.getScopes()).containsExactlyInAnyOrder("cases:read", "dispatch:read", "dispatch:district",
                "dispatch:agency", "assessment:read", "assessment:district", "registry:read", "reference:read");
        assertThat(client.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(5));
        assertThat(client.getClientSecret()).isEqualTo("{bcrypt}$2a$10$x");
    }

    @Test
    void aReplacementClientsFileIsReadFromAPath() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("clients", ".json");
        java.nio.file.Files.writeString(file, """
                {"description": "two callers", "agenciesEdition": "test", "clients": [
                  {"clientId": "registry-staff", "name": "R", "actorKind": "REGISTRY", "scopes": ["registry:read"], "claims": {}},
                  {"clientId": "street-310105001", "name": "S", "actorKind": "STREET_CENTRE", "scopes": ["cases:read"], "claims": {"street": "310105001"}}]}
                """);
        assertThat(RegisteredCallers.readClientsFile(file.toString()).clients()).hasSize(2);
        assertThat(RegisteredCallers.readClientsFile("file:" + file).clients()).hasSize(2);
        assertThat(RegisteredCallers.readClientsFile("classpath:identity/clients.v1.json")).isEqualTo(FILE);
        assertThatThrownBy(() -> RegisteredCallers.readClientsFile(file + ".missing")).hasMessageContaining("cannot read the clients file");
    }
}
