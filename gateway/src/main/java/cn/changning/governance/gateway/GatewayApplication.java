package cn.changning.governance.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The one address partners need: routes {@code /api/v1/...} to the service that owns each
 * resource (Spring Cloud Gateway, server MVC flavour). Reads {@code gateway.yml}.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=gateway").run(args);
    }
}
