package cn.changning.governance.gateway.routing;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each service answers, as {@code governance.routes.<service>} gives it ({@code CASE_SERVICE_URL} and the
 * like): one address, or several separated by commas, one per instance. The gateway's {@code lb://<service>} routes
 * take turns over them (Spring Cloud LoadBalancer, round robin). Behind a balancer of its own (a Kubernetes Service,
 * a cloud load balancer) a service has one address here, the balancer's; several are for instances the gateway must
 * reach one by one, such as separate processes on one host.
 */
public final class ServiceAddresses implements DiscoveryClient {

    private final Map<String, List<ServiceInstance>> instances = new LinkedHashMap<>();

    /** @param routes service name → its address or comma-separated addresses ({@code http://host:port}) */
    public ServiceAddresses(Map<String, String> routes) {
        routes.forEach((service, addresses) -> instances.put(service, parse(service, addresses)));
    }

    private static List<ServiceInstance> parse(String service, String addresses) {
        List<ServiceInstance> parsed = new ArrayList<>();
        List<String> each = Arrays.stream(addresses.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        if (each.isEmpty()) {
            throw new IllegalArgumentException("governance.routes." + service + " names no address");
        }
        for (String address : each) {
            URI uri = URI.create(address);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("governance.routes." + service + ": '" + address
                        + "' is not an http(s)://host[:port] address");
            }
            // the instance id names the address, so logs and metrics can tell the instances apart
            parsed.add(new DefaultServiceInstance(service + "@" + uri.getAuthority(), service, uri.getHost(),
                    uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80),
                    "https".equals(uri.getScheme())));
        }
        return List.copyOf(parsed);
    }

    @Override
    public String description() {
        return "the addresses in governance.routes (one or several per service)";
    }

    @Override
    public List<ServiceInstance> getInstances(String serviceId) {
        return instances.getOrDefault(serviceId, List.of());
    }

    @Override
    public List<String> getServices() {
        return List.copyOf(instances.keySet());
    }
}
