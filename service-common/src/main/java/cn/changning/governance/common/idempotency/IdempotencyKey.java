package cn.changning.governance.common.idempotency;

import jakarta.servlet.ServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Idempotency-Key of the request being run, as the filter took it: the caller's client id, the key and the
 * request's fingerprint. A create handler may take it as a parameter (null without the header) to derive the id of
 * what it creates, so that a retry which takes over a crashed request's key meets what that request created
 * instead of creating it twice.
 */
public record IdempotencyKey(String clientId, String key, String fingerprint) {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer that is the stored first answer, not a new run. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    static final String ATTRIBUTE = IdempotencyKey.class.getName();

    /**
     * The id of what this request creates, the same for every retry of it: derived from the client, the key and the
     * request (a key used again after the retention with another body names something else).
     *
     * @param kind what is created (e.g. {@code case}), so that two kinds never share an id
     */
    public UUID derivedId(String kind) {
        // Lengths first: no two different (kind, client, key) can give the same bytes.
        String name = kind.length() + ":" + kind + "|" + clientId.length() + ":" + clientId + "|" + key.length() + ":" + key
                + "|" + fingerprint;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The key of the request, or null when it carries none (or the filter does not apply to it). */
    public static IdempotencyKey of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof IdempotencyKey key ? key : null;
    }
}
