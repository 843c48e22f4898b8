package cn.changning.governance.dispatch.config;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.SecurityConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * While the token checks are off ({@code governance.security.enabled=false}, still the default until issue 11 is
 * done) a request has no caller: the controllers' {@link Actor} parameter is then null, and the API behaves as before
 * tokens (the body names who acts, every caller sees everything). With the checks on, service-common's own resolver
 * gives the caller from the token and this one is not there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SecurityConfiguration.ENABLED, havingValue = "false", matchIfMissing = true)
public class OpenAccessActorConfiguration {

    @Bean
    public WebMvcConfigurer noActorWithoutTokens() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new NoActor());
            }
        };
    }

    static final class NoActor implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Actor.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binderFactory) {
            return null;
        }
    }
}
