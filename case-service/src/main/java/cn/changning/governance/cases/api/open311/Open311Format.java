package cn.changning.governance.cases.api.open311;

import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The two formats of GeoReport v2, chosen by the path's extension ({@code services.xml}, {@code services.json}). */
public enum Open311Format {
    XML(new MediaType("text", "xml", StandardCharsets.UTF_8)),
    JSON(new MediaType("application", "json", StandardCharsets.UTF_8));

    private final MediaType contentType;

    Open311Format(MediaType contentType) {
        this.contentType = contentType;
    }

    public MediaType contentType() {
        return contentType;
    }

    /** The format an extension names ({@code xml}, {@code json}); empty for any other. */
    public static Optional<Open311Format> of(String extension) {
        return switch (extension == null ? "" : extension) {
            case "xml" -> Optional.of(XML);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The format a request path asks for; XML (the spec's mandatory one) for a path whose extension names none. */
    static Open311Format ofPath(String path) {
        int dot = path == null ? -1 : path.lastIndexOf('.');
        return dot < 0 ? XML : of(path.substring(dot + 1)).orElse(XML);
    }

    static Open311Format required(String extension) {
        return of(extension).orElseThrow(() -> Open311Exception.badRequest(
                "format: ." + extension + " is not served; use .xml or .json"));
    }
}
