package cn.changning.governance.identity.config;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

/**
 * Checks client secrets: Spring Security's {@link DelegatingPasswordEncoder} over bcrypt (the secrets file) and
 * plain text (development secrets only). It never "upgrades" a secret: the authorisation server would
 * otherwise re-hash a development secret with bcrypt on its first use and spend a bcrypt (tens of milliseconds of
 * CPU) on every later token request of that client, and the upgrade would not outlive a restart anyway.
 */
final class ClientSecretEncoder implements PasswordEncoder {

    static final String BCRYPT = "bcrypt";

    @SuppressWarnings("deprecation") // NoOpPasswordEncoder: development secrets are plain text by design
    private final PasswordEncoder delegate = new DelegatingPasswordEncoder(BCRYPT, Map.of(
            BCRYPT, new BCryptPasswordEncoder(),
            "noop", NoOpPasswordEncoder.getInstance()));

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return false;
    }
}
