package org.gorchestrator.api.http;

import java.time.Duration;
import java.util.List;
import org.gorchestrator.api.admission.AdmissionRefusedException;
import org.gorchestrator.api.commands.BrokerUnavailableException;
import org.gorchestrator.api.commands.CommandTooLargeException;
import org.gorchestrator.api.events.TooManyStreamsException;
import org.gorchestrator.api.logs.NodeNotFoundException;
import org.gorchestrator.api.logs.TooManyFollowersException;
import org.gorchestrator.api.security.MissingScopeException;
import org.gorchestrator.api.tasks.EngineNotAllowedException;
import org.gorchestrator.api.tasks.IdempotencyConflictException;
import org.gorchestrator.api.tasks.SubmissionNotDeliveredException;
import org.gorchestrator.api.tasks.SubmissionUnconfirmedException;
import org.gorchestrator.api.tasks.TaskNotFoundException;
import org.gorchestrator.api.tasks.TaskStateConflictException;
import org.gorchestrator.api.tasks.UnconfirmedTaskException;
import org.gorchestrator.api.view.TooManyWaitingReadsException;
import org.gorchestrator.api.view.ViewNotReadyException;
import org.gorchestrator.validation.InvalidGraphException;
import org.gorchestrator.validation.UnreadableDocumentException;
import org.gorchestrator.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error as application/problem+json. Spring's own errors (404, 405, 415, ...) come
 * from the base class; body and validation problems carry a {@code violations} array of
 * {@code {field, message}}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Duration SHORTLY = Duration.ofSeconds(1);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformed(UnreadableDocumentException e) {
        return respond(withViolations(problem(HttpStatus.BAD_REQUEST, "Malformed document", e.getMessage()), List.of(e.violation())));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidGraphException e) {
        List<Violation> found = e.violations();
        String detail = found.size() == 1 ? found.get(0).toString() : found.size() + " problems, the first: " + found.get(0);
        return respond(withViolations(problem(HttpStatus.BAD_REQUEST, "Invalid document", detail), found));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        return respond(withViolations(problem(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getMessage()), List.of(e.violation())));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "Body too large", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> commandTooLarge(CommandTooLargeException e) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "Document too large", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(TaskNotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "Task not found", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unconfirmedTask(UnconfirmedTaskException e) {
        ProblemDetail body = problem(HttpStatus.NOT_FOUND, e.outcome().title(), e.getMessage());
        body.setProperty("id", e.workflowId());
        body.setProperty("submission", e.outcome().label());
        return e.retryAfter().map(after -> retryAfter(body, after)).orElseGet(() -> respond(body));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> nodeNotFound(NodeNotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "Node not found", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stateConflict(TaskStateConflictException e) {
        ProblemDetail body = problem(HttpStatus.CONFLICT, e.title(), e.getMessage());
        body.setProperty("state", e.state().code());
        body.setProperty("state_name", e.state().label());
        return respond(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflictException e) {
        ProblemDetail body = problem(HttpStatus.CONFLICT, "Idempotency-Key already used", e.getMessage());
        body.setProperty("id", e.workflowId());
        body.setProperty("idempotency_key", e.key());
        return respond(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unconfirmed(SubmissionUnconfirmedException e) {
        ProblemDetail body = problem(HttpStatus.SERVICE_UNAVAILABLE, "Submission not confirmed yet", e.getMessage());
        body.setProperty("id", e.workflowId());
        return retryLater(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notDelivered(SubmissionNotDeliveredException e) {
        LOG.warn("submission of task {} not confirmed by the broker ({}): {}", e.workflowId(), e.outcome().label(), e.getMessage());
        ProblemDetail body = problem(HttpStatus.SERVICE_UNAVAILABLE, "Broker unavailable", e.getMessage());
        body.setProperty("id", e.workflowId());
        body.setProperty("submission", e.outcome().label());
        return retryAfter(body, e.retryAfter());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> admissionRefused(AdmissionRefusedException e) {
        ProblemDetail body = problem(HttpStatus.TOO_MANY_REQUESTS, "Backlog over its limit", e.getMessage());
        body.setProperty("backlog", e.lag().topic().backlog().label());
        body.setProperty("topic", e.lag().topic().topic());
        body.setProperty("group", e.lag().topic().group());
        body.setProperty("lag", e.lag().records());
        body.setProperty("limit", e.limit());
        return retryAfter(body, e.retryAfter());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyFollowers(TooManyFollowersException e) {
        return retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many followed logs", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException e) {
        return retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many event streams", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyWaitingReads(TooManyWaitingReadsException e) {
        return retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, "Too many waiting reads", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailableException e) {
        LOG.warn("command for task {} not acknowledged: {}", e.workflowId(), e.getMessage());
        ProblemDetail body = problem(HttpStatus.SERVICE_UNAVAILABLE, "Broker unavailable",
                e.getMessage() + "; repeat the request: a cancel or rerun asked twice changes nothing more");
        body.setProperty("id", e.workflowId());
        return retryLater(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> viewNotReady(ViewNotReadyException e) {
        return retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, "View not ready", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        String detail = e instanceof AuthenticationCredentialsNotFoundException || e instanceof InsufficientAuthenticationException
                ? "this request needs a bearer token: Authorization: Bearer <access token>"
                : e.getMessage();
        return respond(problem(HttpStatus.UNAUTHORIZED, "Unauthenticated", detail));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> missingScope(MissingScopeException e) {
        ProblemDetail body = problem(HttpStatus.FORBIDDEN, "Missing scope", e.getMessage());
        body.setProperty("scope", e.scope());
        return respond(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> engineNotAllowed(EngineNotAllowedException e) {
        ProblemDetail body = problem(HttpStatus.FORBIDDEN, "Engine not allowed", e.getMessage());
        body.setProperty("node", e.node());
        body.setProperty("node_id", e.nodeId());
        body.setProperty("engine", e.engine());
        body.setProperty("scope", e.scope());
        return respond(body);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()));
    }

    /** Anything else is a bug: log it, and tell the client no more than that. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        LOG.error("unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "an unexpected error occurred; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        Violation violation = new Violation(name, "'" + e.getValue() + "' is not a valid value");
        ProblemDetail body = withViolations(ProblemDetail.forStatusAndDetail(status, violation.toString()), List.of(violation));
        body.setTitle("Invalid parameter");
        return handleExceptionInternal(e, body, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return body;
    }

    private static ProblemDetail withViolations(ProblemDetail body, List<Violation> violations) {
        body.setProperty("violations", violations);
        return body;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).body(body);
    }

    private static ResponseEntity<ProblemDetail> retryLater(ProblemDetail body) {
        return retryAfter(body, SHORTLY);
    }

    /** Retry-After in whole seconds, rounded up: the client must not come back before the time has passed. */
    private static ResponseEntity<ProblemDetail> retryAfter(ProblemDetail body, Duration after) {
        long seconds = Math.max(1, after.plusMillis(999).toSeconds());
        return ResponseEntity.status(body.getStatus()).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(body);
    }
}
