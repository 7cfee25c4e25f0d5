package org.gorchestrator.api.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.gorchestrator.validation.DidYouMean;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter the endpoint does not take, naming it: a misspelt {@code ?wiat=30s} or a guessed
 * {@code ?cursor=} would otherwise be ignored silently (the read answers at once, page 1 comes again).
 */
public final class UnknownParameters implements HandlerInterceptor, WebMvcConfigurer {
    /** Cursor names other APIs use; ours is {@code after}, and the answer says so. */
    private static final Set<String> OTHER_CURSOR_NAMES = Set.of("next", "cursor", "page", "page_token", "offset");
    private static final String CURSOR = "after";
    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Set<String> known = declared.computeIfAbsent(method.getMethod(), m -> queryParameters(method));
            request.getParameterMap().keySet().stream().filter(name -> !known.contains(name)).findFirst()
                    .ifPresent(name -> refuse(name, known));
        }
        return true;
    }

    private static void refuse(String name, Set<String> known) {
        if (known.contains(CURSOR) && OTHER_CURSOR_NAMES.contains(name)) {
            throw new InvalidParameterException(name, "unknown query parameter; the page cursor is `after`: pass the 'next' "
                    + "of the previous page as ?after=");
        }
        throw new InvalidParameterException(name, known.isEmpty()
                ? "unknown query parameter; this endpoint takes none"
                : DidYouMean.unknown("query parameter", name, known));
    }

    private static Set<String> queryParameters(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).map(UnknownParameters::queryName).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The name of a {@code @RequestParam}: its annotation's, else the Java parameter's (compiled with -parameters). */
    private static String queryName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param == null) {
            return null;
        }
        return param.name().isEmpty() ? parameter.getParameter().getName() : param.name();
    }
}
