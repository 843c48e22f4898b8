package cn.changning.governance.http;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.util.Map;

/**
 * The web-server-level problem+json of the gateway and of every service: the error page, Tomcat's own error report,
 * the firewall's refusals and the request body limit. Before Boot's error MVC configuration, so that its
 * BasicErrorController (HTML or Boot's attributes) backs off.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpProblemsProperties.class)
public class HttpProblemsAutoConfiguration {

    /**
     * Just after Spring Security's filter chain: a 413 carries the security headers, and a caller without a valid token
     * is refused (401) without its body being looked at. Nothing in the chain reads a body.
     */
    public static final int BODY_LIMIT_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    /** Replaces Boot's BasicErrorController (which backs off when an ErrorController bean exists). */
    @Bean
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** The error path, ahead of every other mapping (the gateway's routes, the controllers, static resources). */
    @Bean
    public SimpleUrlHandlerMapping problemErrorPage(ProblemErrorController errorController,
                                                   @Value("${server.error.path:${error.path:/error}}") String errorPath) {
        return new SimpleUrlHandlerMapping(Map.of(errorPath, errorController), Ordered.HIGHEST_PRECEDENCE);
    }

    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpProblemsProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatProblems {

        /**
         * Replaces the error report valve Boot puts on the host (runs after Boot's customizer, lowest precedence), and
         * lets Tomcat swallow a refused body up to the largest limit, so that a client just over it reads its 413
         * rather than a reset connection (beyond {@code server.tomcat.max-swallow-size}, or the largest limit, the
         * connection is closed after the answer).
         */
        @Bean
        ProblemTomcatCustomizer problemTomcat(HttpProblemsProperties properties) {
            return new ProblemTomcatCustomizer(properties);
        }
    }

    /**
     * Replaces the error report valve Boot puts on the host (after Boot's customizer: lowest precedence), and lets
     * Tomcat swallow a refused body up to the largest limit, so that a client just over it reads its 413 rather than a
     * reset connection (beyond that, or {@code server.tomcat.max-swallow-size} if larger, the connection is closed
     * after the answer).
     */
    static final class ProblemTomcatCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final HttpProblemsProperties properties;

        ProblemTomcatCustomizer(HttpProblemsProperties properties) {
            this.properties = properties;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
            factory.addConnectorCustomizers(connector -> {
                long largest = properties.largestLimit();
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http
                        && http.getMaxSwallowSize() >= 0 && http.getMaxSwallowSize() < largest) {
                    http.setMaxSwallowSize((int) Math.min(largest, Integer.MAX_VALUE));
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RequestRejectedHandler.class)
    static class FirewallProblems {

        @Bean
        @ConditionalOnMissingBean(RequestRejectedHandler.class)
        RequestRejectedHandler problemRequestRejectedHandler() {
            return new ProblemRequestRejectedHandler();
        }
    }
}
