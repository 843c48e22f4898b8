package cn.changning.governance.gateway.routing;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Map;

/** The services' addresses for the {@code lb://} routes of gateway.yml: see {@link ServiceAddresses}. */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    @Bean
    public ServiceAddresses serviceAddresses(Environment environment) {
        Map<String, String> routes = Binder.get(environment)
                .bind("governance.routes", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return new ServiceAddresses(routes);
    }
}
