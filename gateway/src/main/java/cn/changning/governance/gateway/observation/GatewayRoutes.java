package cn.changning.governance.gateway.observation;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;

/**
 * The id of the route (gateway.yml, {@code spring.cloud.gateway.server.webmvc.routes[].id}) that served a request: the
 * gateway's router puts it on the request as it matches the route's predicates, so the label follows the configuration
 * and is never a path (bounded: one value per configured route). A request answered before routing (401 without a
 * token, 429, the gateway's own 404) has {@link #NONE}.
 */
public final class GatewayRoutes {

    public static final String NONE = "none";

    private GatewayRoutes() {
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
        return id == null ? NONE : id.toString();
    }
}
