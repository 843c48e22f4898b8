package cn.changning.governance.common.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Fills an {@link ExpectedVersion} parameter from the request's {@code If-Match} header(s); refuses
 * a request without one ({@link PreconditionRequiredException}, 428). Parameters declared before it
 * (the request body) are read and validated first, so a malformed body still answers 400.
 */
public class ExpectedVersionArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ExpectedVersion.class;
    }

    @Override
    public ExpectedVersion resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                           NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        String[] values = webRequest.getHeaderValues(ExpectedVersion.HEADER);
        // As @RequestHeader String did: several headers are read as one, comma-separated.
        String ifMatch = values == null ? null : String.join(",", values);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException(ExpectedVersion.HEADER);
        }
        return new ExpectedVersion(ifMatch);
    }
}
