package cn.changning.governance.common.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** An {@link IdempotencyKey} parameter of a handler: the request's key as the filter took it, or null. */
final class IdempotencyKeyArgumentResolver implements HandlerMethodArgumentResolver {

    static {
        // Documented as the Idempotency-Key header of every POST (IdempotencyDocumentation), not as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(IdempotencyKey.class);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IdempotencyKey.class;
    }

    @Override
    public IdempotencyKey resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binderFactory) {
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        return servlet == null ? null : IdempotencyKey.of(servlet);
    }
}
