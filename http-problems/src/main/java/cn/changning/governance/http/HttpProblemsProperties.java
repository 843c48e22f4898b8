package cn.changning.governance.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code governance.http.*}: how large a request body may be. One limit for every path, and larger (or smaller) ones
 * for path prefixes, e.g. a bulk import:
 * <pre>
 * governance.http.body-limits:
 *   - path-prefix: /api/v1/imports
 *     max: 10MB
 * </pre>
 * The longest matching prefix wins.
 */
@ConfigurationProperties("governance.http")
public class HttpProblemsProperties {

    /** The largest request body accepted on any path without a limit of its own. */
    private DataSize maxRequestBody = DataSize.ofKilobytes(256);

    private List<BodyLimit> bodyLimits = new ArrayList<>();

    public DataSize getMaxRequestBody() {
        return maxRequestBody;
    }

    public void setMaxRequestBody(DataSize maxRequestBody) {
        this.maxRequestBody = maxRequestBody;
    }

    public List<BodyLimit> getBodyLimits() {
        return bodyLimits;
    }

    public void setBodyLimits(List<BodyLimit> bodyLimits) {
        this.bodyLimits = bodyLimits;
    }

    /** The limit of a request path, in bytes. */
    public long limitFor(String path) {
        BodyLimit best = null;
        for (BodyLimit limit : bodyLimits) {
            if (path.startsWith(limit.pathPrefix()) && (best == null || limit.pathPrefix().length() > best.pathPrefix().length())) {
                best = limit;
            }
        }
        return (best == null ? maxRequestBody : best.max()).toBytes();
    }

    /** The largest limit of any path: what Tomcat must be ready to swallow after a refusal. */
    public long largestLimit() {
        return bodyLimits.stream().mapToLong(l -> l.max().toBytes()).reduce(maxRequestBody.toBytes(), Math::max);
    }

    /** A limit of its own for the paths starting with {@code pathPrefix}. */
    public record BodyLimit(String pathPrefix, DataSize max) {
    }
}
