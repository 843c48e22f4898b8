package cn.changning.governance.http;

import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A small application with the module's auto-configuration, Spring Security's firewall, and a few endpoints. */
@SpringBootApplication
class ProblemsTestApplication {

    /** How many bodies the controller has read. */
    static final AtomicInteger BODIES_READ = new AtomicInteger();

    @Bean
    SecurityFilterChain open(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable).authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }

    @Bean
    FilterRegistrationBean<Filter> failingFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            throw new IllegalStateException("secret internals of a filter");
        });
        registration.addUrlPatterns("/failing-filter");
        return registration;
    }

    @RestController
    static class Endpoints {

        @PostMapping(path = {"/echo", "/bulk/echo"}, consumes = MediaType.APPLICATION_JSON_VALUE)
        Map<String, Integer> echo(@RequestBody byte[] body) {
            BODIES_READ.incrementAndGet();
            return Map.of("bytes", body.length);
        }

        @GetMapping(path = "/only-get", produces = MediaType.APPLICATION_JSON_VALUE)
        Map<String, String> onlyGet() {
            return Map.of("ok", "yes");
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals of a controller");
        }
    }
}
