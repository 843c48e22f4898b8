package cn.changning.governance.cases.api.open311;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which partner client an Open311 {@code api_key} stands for. Only the keys' SHA-256 hashes are held; a presented
 * key is hashed and compared with every hash in constant time, so neither the answer's timing nor a log tells a
 * near miss. A key never appears in a message or a log line.
 */
public final class Open311ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(Open311ApiKeys.class);

    static final String DEVELOPMENT_PREFIX = "dev-open311-";

    /** each partner client's key hash */
    private final Map<String, byte[]> hashes = new LinkedHashMap<>();

    public Open311ApiKeys(Open311Properties properties) {
        for (Open311Properties.ApiKey key : properties.apiKeys()) {
            if (key.clientId() == null || key.clientId().isBlank()) {
                throw new IllegalArgumentException("governance.open311.api-keys: an entry has no client-id");
            }
            byte[] hash;
            if (key.keySha256() != null && !key.keySha256().isBlank()) {
                try {
                    hash = HexFormat.of().parseHex(key.keySha256().strip().toLowerCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException notHex) {
                    throw new IllegalArgumentException("governance.open311.api-keys: the key-sha256 of " + key.clientId() + " is not hex");
                }
                if (hash.length != 32) {
                    throw new IllegalArgumentException("governance.open311.api-keys: the key-sha256 of " + key.clientId()
                            + " must be 64 hex digits (SHA-256)");
                }
            } else if (properties.developmentKeys()) {
                hash = sha256(developmentKey(key.clientId()));
            } else {
                throw new IllegalArgumentException("governance.open311.api-keys: " + key.clientId()
                        + " has no key-sha256 (only governance.open311.development-keys=true, on the local stack, derives one)");
            }
            if (hashes.put(key.clientId(), hash) != null) {
                throw new IllegalArgumentException("governance.open311.api-keys: " + key.clientId() + " is listed twice");
            }
        }
        if (properties.developmentKeys()) {
            log.warn("Open311 development keys are ON (governance.open311.development-keys=true): partners listed without a "
                    + "hash take the published key {}<clientId>. Never in production.", DEVELOPMENT_PREFIX);
        }
    }

    /** The published development key of a partner client (local stack and tests only). */
    public static String developmentKey(String clientId) {
        return DEVELOPMENT_PREFIX + clientId;
    }

    /** The partner client the key stands for; empty for a missing or unknown key. */
    public Optional<String> clientOf(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(apiKey);
        String match = null;
        for (Map.Entry<String, byte[]> e : hashes.entrySet()) {
            // No early exit: every hash is compared, whichever matches.
            if (MessageDigest.isEqual(presented, e.getValue()) && match == null) {
                match = e.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
