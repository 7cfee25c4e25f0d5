package org.gorchestrator.api.intake;

import java.lang.reflect.Method;
import org.gorchestrator.api.http.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * What the HTTP API answers for an exception, for requests that come from Kafka records: the same problem
 * (status, title, detail, violations) from the same {@link ProblemHandler}, so both ways of starting a run refuse
 * alike, and whether the failure is one to wait out rather than to answer.
 */
public final class Problems {
    private final ProblemHandler handler;
    private final ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(ProblemHandler.class);

    public Problems(ProblemHandler handler) {
        this.handler = handler;
    }

    public ProblemDetail of(RuntimeException e) {
        if (e instanceof ErrorResponse response) {
            return response.getBody();
        }
        Method method = resolver.resolveMethodByThrowable(e);
        if (method == null || method.getParameterCount() != 1) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, String.valueOf(e.getMessage()));
        }
        ReflectionUtils.makeAccessible(method);
        @SuppressWarnings("unchecked")
        ResponseEntity<ProblemDetail> answer = (ResponseEntity<ProblemDetail>) ReflectionUtils.invokeMethod(method, handler, e);
        return answer.getBody();
    }

    /** 429 (a backlog over its limit) and 503 (broker or view unavailable) pass: the record is read again after a pause. */
    public static boolean passes(ProblemDetail problem) {
        return problem.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value() || problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value();
    }
}
