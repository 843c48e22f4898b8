package cn.changning.governance.common.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The personal-data mechanism's settings ({@code governance.personal-data.*}, variables in deploy/README.md).
 *
 * @param enabled         false for a service that holds no personal data (no key store, no keys needed)
 * @param masterKey       base64 of 32 bytes: wraps every subject's data key (GOVERNANCE_PERSONAL_DATA_MASTER_KEY)
 * @param pseudonymKey    base64 of at least 32 bytes: the HMAC key of {@link PersonalData#pseudonym}
 *                        (GOVERNANCE_PERSONAL_DATA_PSEUDONYM_KEY); the same on every instance, never changed once data
 *                        was imported (pseudonyms become ids)
 * @param developmentKeys true only on the embedded stack and in tests: fixed, published keys instead of the two above
 * @param keyStore        where the keys are: a database of their own, by default {@code <service db>_keys} on the
 *                        service's PostgreSQL server (see GovernanceDefaults)
 * @param keyCacheTtl     how long an unwrapped key is kept in memory (default 1 min): how late another instance sees
 *                        an erasure made here
 * @param keyCacheSize    how many unwrapped keys are kept at most (default 100,000)
 */
@ConfigurationProperties(prefix = "governance.personal-data")
public record PersonalDataProperties(Boolean enabled, String masterKey, String pseudonymKey, boolean developmentKeys,
                                     KeyStore keyStore, Duration keyCacheTtl, Integer keyCacheSize) {

    public PersonalDataProperties {
        enabled = enabled == null || enabled;
        keyStore = keyStore == null ? new KeyStore(null, null, null, null) : keyStore;
        keyCacheTtl = keyCacheTtl == null ? Duration.ofMinutes(1) : keyCacheTtl;
        keyCacheSize = keyCacheSize == null ? 100_000 : keyCacheSize;
    }

    /**
     * @param url      JDBC URL of the keys database (GOVERNANCE_PERSONAL_DATA_KEY_STORE_URL)
     * @param username by default the service's PostgreSQL user
     * @param password by default the service's PostgreSQL password
     * @param poolSize connections (default 4)
     */
    public record KeyStore(String url, String username, String password, Integer poolSize) {
        public KeyStore {
            poolSize = poolSize == null ? 4 : poolSize;
        }
    }
}
