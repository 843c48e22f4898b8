package cn.changning.governance.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The web pieces every service shares: the {@link ExpectedVersion} argument (If-Match, required on every
 * state change) and the {@link PageQuery} argument (page and size of every list), each resolved once here
 * and documented once in the OpenAPI documents; strict input (bodies: {@link StrictJson}, parameters:
 * {@link StrictParameters}, control characters: {@link ControlCharacterCheck}); the partner contract in the
 * documents ({@link ApiDocuments}).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    static {
        // Documented as the If-Match header and the page/size query parameters below, not as query objects.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ExpectedVersion.class, PageQuery.class);
    }

    /** Paths that speak Open311 GeoReport v2 rather than the platform's JSON API. */
    static final String OPEN311_PATHS = "/open311/**";

    static final String DEFAULT_DESCRIPTION = "The resource's ETag as last read (e.g. \"3\"), or * for any current version. "
            + "Required: without it the action is refused with 428; if the resource changed since, with 412";

    @Bean
    public WebMvcConfigurer expectedVersionArgument(ObjectMapper objectMapper) {
        ObjectMapper strict = StrictJson.of(objectMapper);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ExpectedVersionArgumentResolver());
                resolvers.add(new PageQueryArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // An Open311 facade (the case service's) answers XML or JSON by the path's extension and checks its
                // own form fields (a description keeps its CRLF and may have 4,000 characters).
                registry.addInterceptor(new AcceptCheck()).excludePathPatterns(OPEN311_PATHS);
                registry.addInterceptor(new ControlCharacterCheck()).excludePathPatterns(OPEN311_PATHS);
                registry.addInterceptor(new StrictParameters());
            }

            /**
             * Bodies are read strictly ({@link StrictJson}); the converter is replaced in MVC's list only, not changed:
             * Boot shares its instance, and the application's mapper stays tolerant for events.
             */
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.replaceAll(c -> c.getClass() == MappingJackson2HttpMessageConverter.class
                        ? new MappingJackson2HttpMessageConverter(strict) : c);
            }
        };
    }

    /** The title, security scheme, problem schema and server of every service's document ({@link ApiDocuments}). */
    @Bean
    public OpenApiCustomizer partnerContractDocumentation(@Value("${governance.service-name}") String serviceName) {
        return openApi -> ApiDocuments.describeContract(openApi, serviceName);
    }

    /** Each operation's scope and error answers ({@link ApiDocuments}). */
    @Bean
    public OperationCustomizer operationContractDocumentation() {
        return (operation, handlerMethod) -> {
            ApiDocuments.describeOperation(operation, handlerMethod);
            return operation;
        };
    }

    /**
     * Documents an {@link ExpectedVersion} parameter as the required If-Match header (with its @Parameter
     * description) and the 428, 412 and 422 answers; a {@link PageQuery} parameter as the page and size
     * query parameters and the 400 answer to bad values.
     */
    @Bean
    public OperationCustomizer ifMatchHeaderDocumentation() {
        return (operation, handlerMethod) -> {
            for (MethodParameter p : handlerMethod.getMethodParameters()) {
                if (p.getParameterType() == ExpectedVersion.class) {
                    documentIfMatch(operation, p);
                } else if (p.getParameterType() == PageQuery.class) {
                    documentPaging(operation);
                }
            }
            return operation;
        };
    }

    private static void documentIfMatch(Operation operation, MethodParameter p) {
        io.swagger.v3.oas.annotations.Parameter doc = p.getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
        String description = doc != null && !doc.description().isEmpty() ? doc.description() : DEFAULT_DESCRIPTION;
        Parameter header = operation.getParameters() == null ? null : operation.getParameters().stream()
                .filter(q -> "header".equals(q.getIn()) && ExpectedVersion.HEADER.equalsIgnoreCase(q.getName()))
                .findFirst().orElse(null);
        if (header == null) {
            operation.addParametersItem(new HeaderParameter().name(ExpectedVersion.HEADER).required(true)
                    .description(description).schema(new StringSchema().example("\"3\"")));
        } else {
            header.required(true);
        }
        problem(operation, "412", "Precondition Failed: If-Match is not the current version; the problem's currentVersion "
                + "and the ETag header give the current one (type " + ProblemDetailsAdvice.TYPE_BASE
                + ProblemDetailsAdvice.PRECONDITION_FAILED + ")");
        problem(operation, "428", "Precondition Required: the If-Match header is missing (type "
                + ProblemDetailsAdvice.TYPE_BASE + ProblemDetailsAdvice.PRECONDITION_REQUIRED + ")");
        problem(operation, "422", "A rule refused the input, or If-Match is not an ETag (code invalid-if-match)");
    }

    private static void documentPaging(Operation operation) {
        boolean documented = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(q -> "query".equals(q.getIn()) && PageQuery.PAGE.equals(q.getName()));
        if (!documented) {
            operation.addParametersItem(new QueryParameter().name(PageQuery.PAGE).required(false)
                    .description("The page, counted from 0")
                    .schema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)._default(0)));
            operation.addParametersItem(new QueryParameter().name(PageQuery.SIZE).required(false)
                    .description("Items per page, at most " + PageQuery.MAX_SIZE)
                    .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(PageQuery.MAX_SIZE))._default(PageQuery.DEFAULT_SIZE)));
        }
        problem(operation, "400", "A filter, page or size that cannot be taken; the problem's errors name the parameter");
    }

    private static void problem(Operation operation, String status, String description) {
        ApiDocuments.addProblem(operation, status, description);
    }
}
