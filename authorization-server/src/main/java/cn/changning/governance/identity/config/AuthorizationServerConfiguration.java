package cn.changning.governance.identity.config;

import cn.changning.governance.identity.clients.CallerClient;
import cn.changning.governance.contracts.identity.Claims;
import cn.changning.governance.identity.clients.ClientsFile;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Spring Authorization Server for the client credentials grant: the callers of the clients file, a persistent RSA
 * signing key, and access tokens carrying the platform's claims (the contract in the module's README).
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    /** The protocol endpoints: token, introspection, revocation, metadata and JWKS (the library's defaults, no OIDC). */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server
                        .tokenEndpoint(token -> token.accessTokenRequestConverters(converters -> converters.replaceAll(converter ->
                                converter instanceof OAuth2ClientCredentialsAuthenticationConverter
                                        ? new AllScopesWhenNoneRequested(converter) : converter)))
                        .authorizationServerMetadataEndpoint(metadata ->
                                // Say what this server does for its clients: the client credentials grant, with a client
                                // secret (the library lists every grant and client authentication it knows).
                                metadata.authorizationServerMetadataCustomizer(builder -> builder
                                        .grantTypes(grants -> only(grants, AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()))
                                        .tokenEndpointAuthenticationMethods(AuthorizationServerConfiguration::clientSecretOnly)
                                        .tokenIntrospectionEndpointAuthenticationMethods(AuthorizationServerConfiguration::clientSecretOnly)
                                        .tokenRevocationEndpointAuthenticationMethods(AuthorizationServerConfiguration::clientSecretOnly))))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    private static void clientSecretOnly(List<String> methods) {
        only(methods, ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(), ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue());
    }

    private static void only(List<String> values, String... kept) {
        values.clear();
        values.addAll(List.of(kept));
    }

    /** Everything else: health, info and metrics are public; there is nothing more to see. */
    @Bean
    @Order(2)
    SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties, @Value("${server.port:8080}") int serverPort) {
        String issuer = properties.resolvedIssuer(serverPort);
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (issuer != null) {
            settings.issuer(issuer);
            log.info("Issuer {}", issuer);
        } else {
            log.info("No issuer set and a random port: the issuer is the address each request came to (set identity.issuer to fix it)");
        }
        return settings.build();
    }

    @Bean
    RegisteredCallers registeredCallers(IdentityProperties properties) {
        ClientsFile file = RegisteredCallers.readClientsFile(properties.clientsFile());
        String secretsFile = properties.clientSecretsFile();
        ClientSecrets secrets = ClientSecrets.of(secretsFile == null || secretsFile.isBlank() ? null : Path.of(secretsFile.strip()),
                properties.developmentSecrets());
        return RegisteredCallers.register(file, properties.clientsFile(), secrets, properties.accessTokenTimeToLive());
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(RegisteredCallers callers) {
        return new InMemoryRegisteredClientRepository(callers.registeredClients());
    }

    @Bean
    PasswordEncoder clientSecretEncoder() {
        return new ClientSecretEncoder();
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new ExpiringAuthorizationService(Clock.systemUTC());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.loadOrCreate(properties.keyDirectory())));
    }

    /**
     * The platform's claims on every access token: {@code aud} = {@value Claims#AUDIENCE} (not the client id, the
     * library's default), {@code scope} as one space-separated string (RFC 9068, as Keycloak issues it),
     * {@code client_id} (RFC 9068), {@code actor_kind} and the caller's place claims.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(RegisteredCallers callers, MeterRegistry meters) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            String clientId = context.getRegisteredClient().getClientId();
            CallerClient caller = callers.caller(clientId)
                    .orElseThrow(() -> new IllegalStateException("registered client " + clientId + " is not a caller"));
            Set<String> authorized = context.getAuthorizedScopes();
            List<String> scopes = caller.scopes().stream().filter(authorized::contains).toList();
            context.getClaims().audience(List.of(Claims.AUDIENCE))
                    .claim("scope", String.join(" ", scopes))
                    .claim(Claims.CLIENT_ID, clientId)
                    .claim(Claims.ACTOR_KIND, caller.actorKind().name());
            caller.claims().forEach((name, value) -> context.getClaims().claim(name, value));
            Counter.builder("governance.identity.tokens.issued")
                    .description("Access tokens issued, by caller")
                    .tag("actor_kind", caller.actorKind().name())
                    .tag("client_id", clientId)
                    .register(meters)
                    .increment();
        };
    }
}
