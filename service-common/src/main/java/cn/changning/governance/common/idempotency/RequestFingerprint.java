package cn.changning.governance.common.idempotency;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What makes two requests the same request: SHA-256 of method, path, query, content type and body bytes. */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(HttpServletRequest request, byte[] body) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        part(sha256, request.getMethod());
        part(sha256, request.getRequestURI());
        part(sha256, request.getQueryString());
        part(sha256, request.getContentType());
        part(sha256, body);
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void part(MessageDigest digest, String value) {
        part(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Each part length-prefixed (-1 when absent), so that no two different requests digest the same bytes. */
    private static void part(MessageDigest digest, byte[] value) {
        digest.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }
}
