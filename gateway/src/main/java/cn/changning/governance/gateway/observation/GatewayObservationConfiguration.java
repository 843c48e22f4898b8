package cn.changning.governance.gateway.observation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationConvention;

/** The gateway's request metrics carry the route (Boot's observation filter takes this convention instead of its default). */
@Configuration(proxyBeanMethods = false)
public class GatewayObservationConfiguration {

    @Bean
    public ServerRequestObservationConvention routeTaggedRequestConvention() {
        return new RouteTaggedRequestConvention();
    }
}
