package cn.changning.governance.cases.api.open311;

import cn.changning.governance.reference.catalogue.ManagementItem;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GeoReport v2's open half: discovery, the service list and each service's definition. No key needed. Kept out of
 * the API document ({@link Hidden}): the Open311 specification documents these paths, and their errors are its
 * error list, not problem+json.
 */
@Hidden
@RestController
@RequestMapping(Open311ServicesController.BASE)
public class Open311ServicesController {

    public static final String BASE = "/open311/v2";
    /** The date of this facade's version: what discovery calls its changeset. */
    static final String CHANGESET = "2026-12-01T00:00:00+08:00";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final Open311Services services;
    private final Open311Properties properties;
    private final Open311Writer writer;

    public Open311ServicesController(Open311Services services, Open311Properties properties, Open311Writer writer) {
        this.services = services;
        this.properties = properties;
        this.writer = writer;
    }

    @GetMapping("/discovery.{format}")
    public ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest request) {
        Open311Format f = Open311Format.required(format);
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", (properties.publicUrl().isEmpty() ? baseUrl(request) : properties.publicUrl()) + BASE);
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of(Open311Format.XML.contentType().getType() + "/" + Open311Format.XML.contentType().getSubtype(),
                Open311Format.JSON.contentType().getType() + "/" + Open311Format.JSON.contentType().getSubtype()));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", CHANGESET);
        d.put("contact", "Changning District urban operation centre, the platform's operators");
        d.put("key_service", "Partner systems ask the district urban operation centre for an api_key; each key stands "
                + "for one partner client of the platform, and reads only what that client reported.");
        d.put("endpoints", List.of(endpoint));
        return writer.respond(HttpStatus.OK, f, Open311Writer.Answer.object("discovery", d));
    }

    @GetMapping("/services.{format}")
    public ResponseEntity<byte[]> services(@PathVariable String format,
                                           @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Format f = Open311Format.required(format);
        properties.checkJurisdiction(jurisdiction);
        return writer.respond(HttpStatus.OK, f, Open311Writer.Answer.list("services", "service", services.services()));
    }

    @GetMapping("/services/{code}.{format}")
    public ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format,
                                             @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Open311Format f = Open311Format.required(format);
        properties.checkJurisdiction(jurisdiction);
        ManagementItem item = services.item(code).orElseThrow(() -> Open311Exception.notFound("service_code: no service " + code));
        return writer.respond(HttpStatus.OK, f, Open311Writer.Answer.object("service_definition", services.definition(item)));
    }

    /** Any other path under the facade: the spec's 404, not the platform's problem+json. */
    @RequestMapping("/**")
    public ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        throw Open311Exception.notFound("no such Open311 endpoint: " + request.getMethod() + " " + request.getRequestURI());
    }

    /**
     * Where the caller reached us, when no public url is configured: a proxy's {@code X-Forwarded-*} headers (the
     * first value of each), else the request itself.
     */
    static String baseUrl(HttpServletRequest request) {
        String proto = first(request.getHeader("X-Forwarded-Proto"));
        String host = first(request.getHeader("X-Forwarded-Host"));
        String port = first(request.getHeader("X-Forwarded-Port"));
        String prefix = first(request.getHeader("X-Forwarded-Prefix"));
        String scheme = proto != null ? proto : request.getScheme();
        String authority;
        if (host != null) {
            boolean defaultPort = port == null || ("http".equals(scheme) && "80".equals(port)) || ("https".equals(scheme) && "443".equals(port));
            authority = host.contains(":") || defaultPort ? host : host + ":" + port;
        } else {
            authority = request.getServerName() + ":" + request.getServerPort();
        }
        return scheme + "://" + authority + (prefix == null ? "" : prefix);
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }
}
