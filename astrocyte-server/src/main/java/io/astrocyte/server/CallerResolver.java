package io.astrocyte.server;

import io.astrocyte.identity.AstrocyteContext;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a handler's {@link AstrocyteContext} parameter the caller that {@link ApiKeys} authenticates from the
 * request's headers, so no handler reads identity itself (or from the body).
 */
@Configuration(proxyBeanMethods = false)
public class CallerResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final ApiKeys keys;

    public CallerResolver(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AstrocyteContext.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        AstrocyteContext caller = keys.authenticate(request.getHeader("X-Api-Key"), request.getHeader("Authorization"),
                request.getHeader("X-On-Behalf-Of"));
        request.setAttribute(ApiKeys.CALLER_ATTRIBUTE, caller, NativeWebRequest.SCOPE_REQUEST);
        return caller;
    }
}
