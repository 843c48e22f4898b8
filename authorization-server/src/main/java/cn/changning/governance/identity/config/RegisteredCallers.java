package cn.changning.governance.identity.config;

import cn.changning.governance.identity.clients.CallerClient;
import cn.changning.governance.identity.clients.ClientsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The callers this server registers: those of the clients file that have a secret. Each may use the client
 * credentials grant only, authenticating with HTTP Basic or form parameters, for the scopes the file gives it.
 */
public final class RegisteredCallers {

    private static final Logger log = LoggerFactory.getLogger(RegisteredCallers.class);

    private final Map<String, CallerClient> callers;
    private final List<RegisteredClient> registeredClients;
    private final List<String> withoutSecret;

    private RegisteredCallers(Map<String, CallerClient> callers, List<RegisteredClient> registeredClients, List<String> withoutSecret) {
        this.callers = callers;
        this.registeredClients = registeredClients;
        this.withoutSecret = withoutSecret;
    }

    static RegisteredCallers register(ClientsFile file, String fileLocation, ClientSecrets secrets, Duration accessTokenTimeToLive) {
        Map<String, CallerClient> callers = new LinkedHashMap<>();
        List<RegisteredClient> registered = new ArrayList<>();
        List<String> withoutSecret = new ArrayList<>();
        int fromFile = 0;
        for (CallerClient caller : file.clients()) {
            Optional<String> secret = secrets.encodedSecret(caller.clientId());
            if (secret.isEmpty()) {
                withoutSecret.add(caller.clientId());
                continue;
            }
            fromFile += secrets.fromFile(caller.clientId()) ? 1 : 0;
            callers.put(caller.clientId(), caller);
            registered.add(registeredClient(caller, secret.get(), accessTokenTimeToLive));
        }
        List<String> unknown = secrets.fileEntries().keySet().stream().filter(id -> file.clients().stream().noneMatch(c -> c.clientId().equals(id))).toList();
        if (!unknown.isEmpty()) {
            log.warn("The client secrets file names {} client(s) the clients file does not list; ignored: {}", unknown.size(), unknown);
        }
        if (secrets.developmentSecrets()) {
            log.warn("Development secrets are ON (identity.development-secrets=true): every client without a secret in the secrets file "
                    + "has the secret dev-<clientId>, e.g. dev-street-310105001. For the local stack only, never in production.");
        }
        if (registered.isEmpty()) {
            throw new IllegalStateException("No client of " + fileLocation + " has a secret, so none can get a token: give the secrets "
                    + "in IDENTITY_CLIENT_SECRETS_FILE (lines '<clientId>: {bcrypt}<hash>'), or set identity.development-secrets=true "
                    + "for a development stack");
        }
        String summary = String.format("Registered %d of %d clients of %s (%d with a secret from the secrets file, %d with a development secret); "
                        + "access tokens valid for %s", registered.size(), file.clients().size(), fileLocation, fromFile,
                registered.size() - fromFile, accessTokenTimeToLive);
        if (withoutSecret.isEmpty()) {
            log.info(summary);
        } else {
            log.warn("{}. {} client(s) have no secret and are NOT registered (they get 401 invalid_client): {}",
                    summary, withoutSecret.size(), withoutSecret);
        }
        return new RegisteredCallers(Map.copyOf(callers), List.copyOf(registered), List.copyOf(withoutSecret));
    }

    static RegisteredClient registeredClient(CallerClient caller, String encodedSecret, Duration accessTokenTimeToLive) {
        return RegisteredClient.withId(caller.clientId())
                .clientId(caller.clientId())
                .clientName(caller.name())
                .clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(caller.scopes()))
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(accessTokenTimeToLive)
                        .build())
                .build();
    }

    /** Reads the clients file: {@code classpath:<resource>} or a file path (optionally {@code file:}). */
    static ClientsFile readClientsFile(String location) {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
            try (InputStream in = RegisteredCallers.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("clients file not on the classpath: " + location);
                }
                return ClientsFile.read(in, location);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        try (InputStream in = Files.newInputStream(path)) {
            return ClientsFile.read(in, path.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the clients file " + path.toAbsolutePath(), e);
        }
    }

    public Optional<CallerClient> caller(String clientId) {
        return Optional.ofNullable(callers.get(clientId));
    }

    public List<RegisteredClient> registeredClients() {
        return registeredClients;
    }

    public List<String> withoutSecret() {
        return withoutSecret;
    }
}
