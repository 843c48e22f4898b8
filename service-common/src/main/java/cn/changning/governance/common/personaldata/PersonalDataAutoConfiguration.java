package cn.changning.governance.common.personaldata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;

/**
 * The service's {@link PersonalData} (ARCHITECTURE.md, decision 10), for every service unless it says it holds none
 * ({@code governance.personal-data.enabled=false}). Its key store is a database of its own with a pool and a Flyway
 * of their own, none of them beans: the service's primary DataSource and Flyway are Boot's, untouched.
 */
@AutoConfiguration(afterName = "cn.changning.governance.common.config.GovernanceServiceAutoConfiguration")
@ConditionalOnProperty("governance.service-name")
@ConditionalOnProperty(name = "governance.personal-data.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(PersonalData.class)
    public KeyStorePersonalData personalData(PersonalDataProperties properties, ObjectProvider<Clock> clock) {
        byte[] master;
        byte[] pseudonym;
        if (properties.developmentKeys()) {
            log.warn("Personal data is sealed under the published DEVELOPMENT keys (governance.personal-data.development-keys=true):"
                    + " for the embedded stack and tests only, never for real data");
            master = developmentKey("master");
            pseudonym = developmentKey("pseudonym");
        } else {
            master = key("governance.personal-data.master-key", "GOVERNANCE_PERSONAL_DATA_MASTER_KEY", properties.masterKey(), true);
            pseudonym = key("governance.personal-data.pseudonym-key", "GOVERNANCE_PERSONAL_DATA_PSEUDONYM_KEY",
                    properties.pseudonymKey(), false);
        }
        PersonalDataProperties.KeyStore store = properties.keyStore();
        if (store.url() == null || store.url().isBlank()) {
            throw new IllegalStateException("governance.personal-data.key-store.url is not set (the keys database, see deploy/README.md)");
        }
        SubjectKeys keys = new SubjectKeys(store.url(), store.username(), store.password(), store.poolSize());
        log.info("Personal-data keys in {}", store.url());
        return new KeyStorePersonalData(new PersonalDataCipher(master), keys, pseudonym, clock.getIfAvailable(Clock::systemUTC),
                properties.keyCacheTtl(), properties.keyCacheSize());
    }

    private static byte[] key(String property, String variable, String base64, boolean exactly32) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(property + " (" + variable + ") is not set: this service seals personal data and"
                    + " refuses to start without its keys (base64 of 32 random bytes, e.g. `openssl rand -base64 32`; see"
                    + " deploy/README.md). The embedded stack and tests set governance.personal-data.development-keys=true instead.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " (" + variable + ") is not base64");
        }
        if (exactly32 ? key.length != 32 : key.length < 32) {
            throw new IllegalStateException(property + " (" + variable + ") must be " + (exactly32 ? "exactly" : "at least")
                    + " 32 bytes once base64-decoded, was " + key.length);
        }
        return key;
    }

    /** Fixed and public (derived from their names): recognisable, and worthless for protecting anything real. */
    static byte[] developmentKey(String name) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("changning-governance development " + name + " key").getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
