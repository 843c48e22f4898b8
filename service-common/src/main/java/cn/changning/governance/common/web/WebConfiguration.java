package cn.changning.governance.common.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** The web pieces every service shares: the {@link ExpectedVersion} argument and its OpenAPI header. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    static {
        // The parameter is documented as the If-Match header below, not as a query object.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ExpectedVersion.class);
    }

    static final String DEFAULT_DESCRIPTION = "The resource's ETag as last read; the action is refused with 409 if it changed since";

    @Bean
    public WebMvcConfigurer expectedVersionArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ExpectedVersionArgumentResolver());
            }
        };
    }

    /** Documents an {@link ExpectedVersion} parameter as the optional If-Match header, with its @Parameter description. */
    @Bean
    public OperationCustomizer ifMatchHeaderDocumentation() {
        return (operation, handlerMethod) -> {
            for (MethodParameter p : handlerMethod.getMethodParameters()) {
                if (p.getParameterType() != ExpectedVersion.class) {
                    continue;
                }
                io.swagger.v3.oas.annotations.Parameter doc = p.getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
                String description = doc != null && !doc.description().isEmpty() ? doc.description() : DEFAULT_DESCRIPTION;
                boolean documented = operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(q -> "header".equals(q.getIn()) && ExpectedVersion.HEADER.equalsIgnoreCase(q.getName()));
                if (!documented) {
                    operation.addParametersItem(new HeaderParameter().name(ExpectedVersion.HEADER).required(false)
                            .description(description).schema(new StringSchema()));
                }
            }
            return operation;
        };
    }
}
