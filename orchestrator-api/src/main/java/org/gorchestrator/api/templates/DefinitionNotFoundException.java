package org.gorchestrator.api.templates;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No template or schedule of this name: answered 404 problem+json by Spring's handling of {@link ErrorResponseException}. */
public final class DefinitionNotFoundException extends ErrorResponseException {
    public DefinitionNotFoundException(String kind, String name) {
        super(HttpStatus.NOT_FOUND, problem(kind, name), null);
    }

    private static ProblemDetail problem(String kind, String name) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no " + kind + " is named '" + name + "'");
        body.setTitle(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " not found");
        body.setProperty("name", name);
        return body;
    }
}
