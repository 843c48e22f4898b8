package cn.changning.governance.common.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Fills a {@link PageQuery} parameter from the {@code page} and {@code size} query parameters. */
public class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                     NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return new PageQuery(read(webRequest, PageQuery.PAGE, 0), read(webRequest, PageQuery.SIZE, PageQuery.DEFAULT_SIZE));
    }

    private static int read(NativeWebRequest request, String name, int otherwise) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return otherwise;
        }
        if (values.length > 1) {
            throw new InvalidParameterException(name, "given " + values.length + " times; give it once");
        }
        try {
            return (int) StrictParameters.wholeNumber(values[0], Integer.MIN_VALUE, Integer.MAX_VALUE);
        } catch (StrictParameters.RefusedParameterException e) {
            throw new InvalidParameterException(name, "cannot read '" + UntrustedText.excerpt(values[0]) + "': " + e.getMessage());
        }
    }
}
