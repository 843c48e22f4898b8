package cn.changning.governance.gateway.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * {@code http_server_requests_seconds} of the gateway with a {@code route} label (see {@link GatewayRoutes}): the
 * default {@code uri} tag of a proxied request is the route function's pattern at best, so latency and status per
 * route need the route's id. The tag is read when the observation stops, after the router has set it.
 */
public class RouteTaggedRequestConvention extends DefaultServerRequestObservationConvention {

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of("route", GatewayRoutes.of(context.getCarrier())));
    }
}
