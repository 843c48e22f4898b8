package cn.changning.governance.common.web;

import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every service's OpenAPI document says of the contract around its operations: the OAuth2 client-credentials
 * scheme ({@value #SECURITY_SCHEME}) with the platform's scopes, each operation's scope (its {@link RequiresScope}),
 * the error answers every operation may give, all as application/problem+json of the one {@value #PROBLEM_SCHEMA}
 * schema, and {@code /} as the server (the documents are served through the gateway, which routes the token
 * endpoint too).
 */
public final class ApiDocuments {

    /** The security scheme's name in every document. */
    public static final String SECURITY_SCHEME = "oauth2";
    /** Where clients get their tokens, relative to the server (the gateway routes it to the authorisation server). */
    public static final String TOKEN_URL = "/oauth2/token";
    /** The problem schema's name; stable: other documentation customizers (idempotency) refer to it. */
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    /** What each scope allows, as the document shows it to partners. */
    static final Map<String, String> SCOPES = scopes();

    private ApiDocuments() {
    }

    /** A response of the given meaning, with a problem+json body of the {@value #PROBLEM_SCHEMA} schema. */
    public static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
    }

    /** Adds the response unless the operation documents that status already. */
    public static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(status, problemResponse(description));
    }

    /** The title, the scheme, the problem schema and the server, once per document. */
    static void describeContract(OpenAPI openApi, String serviceName) {
        // Not springdoc's "OpenAPI definition v0": partners see the four documents side by side in the gateway's UI.
        openApi.setInfo(new Info().title(serviceName).version("v1").description("The " + serviceName + "'s part of the "
                + "Changning governance platform's API, served through the gateway; errors are application/problem+json"));
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        io.swagger.v3.oas.models.security.Scopes scopes = new io.swagger.v3.oas.models.security.Scopes();
        SCOPES.forEach(scopes::addString);
        openApi.getComponents()
                .addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                        .description("OAuth2 client credentials: POST " + TOKEN_URL + " with the client's id and secret "
                                + "(HTTP Basic) and grant_type=client_credentials; send the token as Authorization: Bearer")
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(TOKEN_URL).scopes(scopes))))
                .addSchemas(PROBLEM_SCHEMA, problemSchema());
        openApi.setServers(List.of(new Server().url("/").description("Through the platform's gateway")));
    }

    /** The operation's scope and the errors it may answer. */
    static void describeOperation(Operation operation, HandlerMethod handler) {
        RequiresScope scope = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequiresScope.class);
        if (scope != null) {
            operation.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME, scope.value()));
            addProblem(operation, "401", "Unauthenticated: no bearer token, or not a valid one (type "
                    + ProblemDetailsAdvice.TYPE_BASE + "unauthenticated)");
            addProblem(operation, "403", "Forbidden: the token lacks the scope " + scope.value()
                    + ", or the body names another actor than the caller");
        }
        boolean body = false;
        boolean pathVariables = false;
        for (MethodParameter p : handler.getMethodParameters()) {
            body |= p.hasParameterAnnotation(RequestBody.class);
            pathVariables |= p.hasParameterAnnotation(PathVariable.class);
        }
        addProblem(operation, "400", "A parameter, header or body that cannot be taken; the problem's errors name each");
        if (pathVariables) {
            addProblem(operation, "404", "Not found, or not the caller's to see");
        }
        addProblem(operation, "406", "Not Acceptable: the Accept header allows neither application/json nor application/problem+json");
        if (body) {
            addProblem(operation, "413", "The body is larger than the gateway takes");
            addProblem(operation, "415", "Unsupported Media Type: the body must be application/json");
        }
        boolean action = "POST".equalsIgnoreCase(httpMethod(handler));
        if (action) {
            addProblem(operation, "409", "The resource's state does not allow this now (the problem's code says why), "
                    + "or another change was made at the same time");
        }
        addProblem(operation, "429", "Too many requests from this client (from the gateway); retry after Retry-After seconds");
        addProblem(operation, "500", "A fault of the platform; nothing of it is shown");
        addProblem(operation, "503", "The service or a store it needs is unavailable or too slow; retry later");
    }

    private static String httpMethod(HandlerMethod handler) {
        var mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
                org.springframework.web.bind.annotation.RequestMapping.class);
        return mapping == null || mapping.method().length == 0 ? "" : mapping.method()[0].name();
    }

    /** RFC 9457's problem details, as {@link ProblemDetailsAdvice} writes them. */
    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri").description("The kind of problem; stable"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What went wrong; quotes at most a short excerpt of the input"))
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("A rule's stable code, when a rule refused the request"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema().description("The JSON path of the field, or the parameter or header"))
                        .addProperty("reason", new StringSchema())))
                .description("application/problem+json (RFC 9457); errors name each field, header or parameter refused");
    }

    private static Map<String, String> scopes() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(Scopes.CASES_REPORT, "Report cases (partners' hotlines and apps)");
        s.put(Scopes.CASES_READ, "Read the cases the caller may see");
        s.put(Scopes.CASES_HANDLE, "File, reject, verify, close and otherwise act on cases (street centres)");
        s.put(Scopes.DISPATCH_READ, "Read the dispatch orders, queues and boards the caller may see");
        s.put(Scopes.DISPATCH_STREET, "A street's decisions on its orders: arbitration, extensions");
        s.put(Scopes.DISPATCH_AGENCY, "An agency's actions on its parts of orders: accept, return, report, confirm, ask for time");
        s.put(Scopes.DISPATCH_DISTRICT, "The district centre's decisions and checks");
        s.put(Scopes.ASSESSMENT_READ, "Read assessments");
        s.put(Scopes.ASSESSMENT_STREET, "A street's part in assessments");
        s.put(Scopes.ASSESSMENT_DISTRICT, "The district centre's part in assessments");
        s.put(Scopes.ASSESSMENT_DEPARTMENT, "A department's part in assessments");
        s.put(Scopes.REGISTRY_READ, "Read the party-building registry");
        s.put(Scopes.REGISTRY_WRITE, "Change the party-building registry");
        s.put(Scopes.REGISTRY_PERSONAL_DATA, "Members' personal data in the registry (sensitive)");
        s.put(Scopes.REFERENCE_READ, "Read reference data: geography, catalogue, agencies, responsibility list");
        Scopes.ALL.forEach(scope -> s.putIfAbsent(scope, scope)); // a new scope is documented at least by its name
        return s;
    }
}
