package cn.changning.governance.localstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackSettingsTest {

    @AfterEach
    void forgetThePort() {
        System.clearProperty("CASE_SERVICE_PORT");
    }

    @Test
    void aServiceOnFixedPortsTakesItsPortFromTheVariableItsOwnFileNames() throws IOException {
        for (LocalStack.Service service : LocalStack.SERVICES) {
            String variable = LocalStackSettings.portVariable(service.name());
            try (InputStream file = getClass().getResourceAsStream("/" + service.name() + ".yml")) {
                assertThat(file).as(service.name() + ".yml on the classpath").isNotNull();
                assertThat(new String(file.readAllBytes(), StandardCharsets.UTF_8))
                        .as("the port variable of " + service.name())
                        .contains("port: ${" + variable + ":" + service.defaultPort() + "}");
            }
        }
    }

    @Test
    void theVariableMovesAFixedPortAndLeavesRandomPortsRandom() {
        LocalStackSettings fixed = LocalStackSettings.fromEnvironment();
        LocalStackSettings random = LocalStackSettings.forTests(Path.of("unused"));
        int caseDefault = 8081;
        assertThat(fixed.servicePort("case-service", caseDefault)).isEqualTo(caseDefault);

        System.setProperty("CASE_SERVICE_PORT", "18081"); // env() reads system properties where the variable is unset
        assertThat(fixed.servicePort("case-service", caseDefault)).isEqualTo(18081);
        assertThat(fixed.servicePort("dispatch-service", 8082)).isEqualTo(8082);
        assertThat(random.servicePort("case-service", caseDefault)).isZero();
    }
}
