package cn.changning.governance.identity.clients;

import cn.changning.governance.contracts.identity.ActorKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A replacement clients file (IDENTITY_CLIENTS_FILE) cannot break the token contract: it is refused at start. */
class CallerClientContractTest {

    @Test
    void anAgencyMustCarryItsAgencyStreetAndDepartment() {
        assertThatThrownBy(() -> new CallerClient("agency-x", "X", ActorKind.AGENCY, List.of("dispatch:read"),
                Map.of("agency", "x", "street", "310105001")))
                .hasMessageContaining("must carry exactly the claims [agency, street, department]");
    }

    @Test
    void aKindCarriesNoClaimThatIsNotItsOwn() {
        assertThatThrownBy(() -> new CallerClient("district-centre", "D", ActorKind.DISTRICT_CENTRE, List.of("cases:read"),
                Map.of("street", "310105001")))
                .hasMessageContaining("must carry exactly the claims []");
    }

    @Test
    void unknownOrRepeatedScopesAndOddIdsAreRefused() {
        assertThatThrownBy(() -> new CallerClient("registry-staff", "R", ActorKind.REGISTRY, List.of("registry:reed"), Map.of()))
                .hasMessageContaining("unknown scope registry:reed");
        assertThatThrownBy(() -> new CallerClient("registry-staff", "R", ActorKind.REGISTRY, List.of("registry:read", "registry:read"), Map.of()))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new CallerClient("Registry:Staff", "R", ActorKind.REGISTRY, List.of("registry:read"), Map.of()))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new CallerClient("partner-a", "P", ActorKind.PARTNER, List.of("cases:read"), Map.of("partner", "partner-b")))
                .hasMessageContaining("must name itself");
    }

    @Test
    void aFileWithAMisspeltFieldOrATwiceListedClientIsRefused() {
        String misspelt = """
                {"description": "d", "agenciesEdition": "e", "clients": [
                  {"clientId": "registry-staff", "name": "R", "actorKind": "REGISTRY", "scope": ["registry:read"], "claims": {}}]}
                """;
        assertThatThrownBy(() -> ClientsFile.read(stream(misspelt), "test")).hasMessageContaining("scope");
        String twice = """
                {"description": "d", "agenciesEdition": "e", "clients": [
                  {"clientId": "registry-staff", "name": "R", "actorKind": "REGISTRY", "scopes": ["registry:read"], "claims": {}},
                  {"clientId": "registry-staff", "name": "R", "actorKind": "REGISTRY", "scopes": ["registry:read"], "claims": {}}]}
                """;
        assertThatThrownBy(() -> ClientsFile.read(stream(twice), "test")).hasMessageContaining("client listed twice: registry-staff");
        String good = twice.substring(0, twice.indexOf("},") + 1) + "]}";
        assertThat(ClientsFile.read(stream(good), "test").clients()).extracting(CallerClient::clientId).containsExactly("registry-staff");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
