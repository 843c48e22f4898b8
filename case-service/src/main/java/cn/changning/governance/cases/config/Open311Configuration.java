package cn.changning.governance.cases.config;

import cn.changning.governance.cases.api.open311.Open311ApiKeys;
import cn.changning.governance.cases.api.open311.Open311Places;
import cn.changning.governance.cases.api.open311.Open311Properties;
import cn.changning.governance.cases.api.open311.Open311Requests;
import cn.changning.governance.cases.api.open311.Open311Services;
import cn.changning.governance.cases.api.open311.Open311ServicesController;
import cn.changning.governance.cases.api.open311.Open311Updates;
import cn.changning.governance.cases.api.open311.Open311Writer;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The Open311 GeoReport v2 facade over the case context (see {@code cases.api.open311}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Open311Properties.class)
public class Open311Configuration {

    /**
     * The facade's paths take no bearer token: the facade checks the partner's {@code api_key} itself. Ahead of the
     * service's token chain, for these paths only.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public SecurityFilterChain open311Security(HttpSecurity http) throws Exception {
        return http.securityMatcher(Open311ServicesController.BASE + "/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    public Open311ApiKeys open311ApiKeys(Open311Properties properties) {
        return new Open311ApiKeys(properties);
    }

    @Bean
    public Open311Writer open311Writer(ObjectMapper objectMapper) {
        return new Open311Writer(objectMapper);
    }

    @Bean
    public Open311Services open311Services(Catalogue catalogue, Geography geography) {
        return new Open311Services(catalogue, geography);
    }

    @Bean
    public Open311Places open311Places(Geography geography) {
        return new Open311Places(geography);
    }

    /** The district's zone (the working calendar's) for every datetime; agencies' names for agency_responsible. */
    @Bean
    public Open311Requests open311Requests(Geography geography, WorkingCalendar workingCalendar) {
        return new Open311Requests(AgencyDirectory.load(geography), workingCalendar.zone());
    }

    @Bean
    public Open311Updates open311Updates(Open311Requests open311Requests) {
        return new Open311Updates(open311Requests);
    }
}
