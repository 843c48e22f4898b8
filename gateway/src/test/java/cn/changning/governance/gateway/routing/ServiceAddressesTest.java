package cn.changning.governance.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceAddressesTest {

    @Test
    void oneAddressIsOneInstance() {
        ServiceAddresses addresses = new ServiceAddresses(Map.of("dispatch-service", "http://dispatch:8082"));

        List<ServiceInstance> instances = addresses.getInstances("dispatch-service");
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).getUri().toString()).isEqualTo("http://dispatch:8082");
    }

    @Test
    void commaSeparatedAddressesAreOneInstanceEachInTheirOrder() {
        ServiceAddresses addresses = new ServiceAddresses(Map.of("case-service", " http://127.0.0.1:18081 ,http://127.0.0.1:18091,"));

        assertThat(addresses.getInstances("case-service")).extracting(i -> i.getUri().toString())
                .containsExactly("http://127.0.0.1:18081", "http://127.0.0.1:18091");
        assertThat(addresses.getInstances("case-service")).extracting(ServiceInstance::getInstanceId)
                .as("told apart by address").doesNotHaveDuplicates();
    }

    @Test
    void anAddressWithoutAPortTakesItsSchemesPort() {
        ServiceAddresses addresses = new ServiceAddresses(Map.of("case-service", "https://cases.example.org"));

        ServiceInstance instance = addresses.getInstances("case-service").get(0);
        assertThat(instance.getPort()).isEqualTo(443);
        assertThat(instance.isSecure()).isTrue();
    }

    @Test
    void anUnknownServiceHasNoInstance() {
        assertThat(new ServiceAddresses(Map.of("case-service", "http://a:1")).getInstances("elsewhere")).isEmpty();
    }

    @Test
    void anAddressThatIsNoHttpAddressIsRefusedWithTheVariableNamed() {
        assertThatThrownBy(() -> new ServiceAddresses(Map.of("case-service", "case-service:8081")))
                .hasMessageContaining("governance.routes.case-service").hasMessageContaining("case-service:8081");
        assertThatThrownBy(() -> new ServiceAddresses(Map.of("case-service", " , ")))
                .hasMessageContaining("names no address");
    }
}
