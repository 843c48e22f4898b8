package cn.changning.governance.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request Spring Security's firewall refuses ({@code //}, {@code %2F}, {@code ;}, {@code %00}, {@code %25}, a
 * non-normalised path, a header value with control characters...) answers 400 problem+json naming why, instead of
 * the default {@code sendError(400)}. The reason is one of the firewall's fixed strings; a rejected header or parameter
 * value is never repeated (it is the caller's input). WebSecurity takes the one bean of this type it finds.
 */
public class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);
    private static final Pattern MALICIOUS = Pattern.compile("potentially malicious String \"([^\"]{1,8})\"");

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        log.debug("Rejected by the firewall: {}", e.getMessage());
        Problems.write(response, 400, "rejected-request", "Request rejected", "The request was rejected: " + reason(e.getMessage()));
    }

    static String reason(String message) {
        String m = message == null ? "" : message;
        Matcher malicious = MALICIOUS.matcher(m);
        if (malicious.find()) {
            return "the URL contains \"" + malicious.group(1) + "\", which is not allowed";
        }
        if (m.contains("not normalized")) {
            return "the URL is not normalised (no \".\", \"..\" or empty segments)";
        }
        if (m.contains("header")) {
            return "a header name or value contains characters that are not allowed";
        }
        if (m.contains("parameter")) {
            return "a parameter name or value contains characters that are not allowed";
        }
        if (m.contains("HTTP method")) {
            return "the HTTP method is not allowed";
        }
        if (m.contains("domain")) {
            return "the Host is not allowed";
        }
        return "the URL contains characters that are not allowed";
    }
}
