package org.gorchestrator.api.templates;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The template was archived: it starts no new run (409 problem+json); storing a new version brings it back. */
public final class TemplateArchivedException extends ErrorResponseException {
    public TemplateArchivedException(String name) {
        super(HttpStatus.CONFLICT, problem(name), null);
    }

    private static ProblemDetail problem(String name) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "template '" + name + "' is archived; PUT a new version of it to use it again");
        body.setTitle("Template archived");
        body.setProperty("name", name);
        return body;
    }
}
