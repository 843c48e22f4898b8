package cn.changning.governance.partyregistry;

import cn.changning.governance.common.launch.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Map;

/** The party-building registry: organisations, members, buildings and resident units. Its domain is not built yet; it runs with the shared wiring so the stack, ports and topics are in place. */
@SpringBootApplication
public class PartyRegistryServiceApplication {

    public static final String SERVICE_NAME = "party-registry-service";

    public static void main(String[] args) {
        ServiceLauncher.run(PartyRegistryServiceApplication.class, SERVICE_NAME, Map.of(), args);
    }
}
