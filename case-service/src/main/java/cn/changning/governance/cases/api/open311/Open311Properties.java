package cn.changning.governance.cases.api.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The Open311 facade's settings ({@code governance.open311.*}).
 *
 * @param jurisdictionId  the one jurisdiction served: a request naming another answers 404; blank accepts any
 * @param developmentKeys true only on the local stack and in tests: every partner listed without a hash gets the
 *                        published key {@code dev-open311-<clientId>}
 * @param publicUrl       where partners reach the platform (the gateway's public address, e.g.
 *                        {@code https://governance.changning.gov.cn}): discovery's url; blank takes it from the request
 *                        (a proxy's {@code X-Forwarded-*} if present, else the request itself: the gateway does not
 *                        forward the Host it was called by)
 * @param apiKeys         the partner clients that may call with a key, each with the SHA-256 (hex) of its key: the
 *                        keys themselves are never configured
 */
@ConfigurationProperties(prefix = "governance.open311")
public record Open311Properties(String jurisdictionId, boolean developmentKeys, String publicUrl, List<ApiKey> apiKeys) {

    public Open311Properties {
        jurisdictionId = jurisdictionId == null ? "" : jurisdictionId.strip();
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    /** Refuses (404) a request that names another jurisdiction than the one configured; any is fine without one. */
    void checkJurisdiction(String asked) {
        if (!jurisdictionId.isEmpty() && asked != null && !asked.isBlank() && !jurisdictionId.equals(asked.strip())) {
            throw Open311Exception.notFound("jurisdiction_id: this server serves " + jurisdictionId + " only");
        }
    }

    /**
     * @param clientId  the partner client the key stands for, e.g. {@code partner-hotline-12345}
     * @param keySha256 lower- or upper-case hex of the key's SHA-256; may be left out only with development keys
     */
    public record ApiKey(String clientId, String keySha256) {
    }
}
