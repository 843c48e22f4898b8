package cn.changning.governance.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request body larger than its path's limit ({@link HttpProblemsProperties}) with 413 problem+json before
 * anything reads it: a {@code Content-Length} above the limit at once; a body without one (chunked) is read up to the
 * limit and refused as soon as it passes it, so neither a controller, Jackson nor a proxied service ever sees a byte
 * of it (the accepted body is kept in memory, at most the limit). Tomcat never reads past a {@code Content-Length}.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final HttpProblemsProperties properties;

    public RequestBodyLimitFilter(HttpProblemsProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = properties.limitFor(request.getRequestURI());
        long length = request.getContentLengthLong();
        if (length > limit) {
            tooLarge(response, limit);
            return;
        }
        if (length >= 0 || request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (body.length > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        Problems.write(response, 413, "request-too-large", "Request too large",
                "The request body is larger than the " + readable(limit) + " allowed here");
    }

    static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
