package org.gorchestrator.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gorchestrator.validation.Violation;

/**
 * The API refused a request with an {@code application/problem+json} answer (RFC 9457): its status, title, detail, the
 * {@code violations} that name each bad field, and its other members (such as {@code id} or {@code state_name}). The
 * statuses a caller acts on have a type of their own; any other status is a plain {@code ProblemException}.
 */
public non-sealed class ProblemException extends GorchException {
    private final int status;
    private final String title;
    private final String detail;
    private final transient List<Violation> violations;
    private final transient Map<String, Object> properties;

    ProblemException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail().isEmpty() ? "" : ": " + problem.detail()), null);
        this.status = problem.status();
        this.title = problem.title();
        this.detail = problem.detail();
        this.violations = problem.violations();
        this.properties = problem.properties();
    }

    /** The exception of the problem's kind. */
    static ProblemException of(Problem problem, Optional<Duration> retryAfter) {
        return switch (problem.status()) {
            case 400 -> new InvalidRequestException(problem);
            case 401, 403 -> new NotAuthorizedException(problem);
            case 404 -> new NotFoundException(problem);
            case 409 -> new ConflictException(problem);
            case 429 -> new TooManyRequestsException(problem, retryAfter);
            case 503 -> new UnavailableException(problem, retryAfter);
            default -> new ProblemException(problem);
        };
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** What went wrong in words; empty when the server said nothing more than the title. */
    public String detail() {
        return detail;
    }

    /** Each bad field of the request, with what is wrong with it; empty when the problem names none. */
    public List<Violation> violations() {
        return violations;
    }

    /** Another member of the problem, such as {@code id} or {@code state_name}, as text. */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name)).map(String::valueOf);
    }

    /** 400: a malformed or invalid document, or a bad parameter; {@link #violations()} names each field. */
    public static final class InvalidRequestException extends ProblemException {
        InvalidRequestException(Problem problem) {
            super(problem);
        }
    }

    /** 401 or 403: no valid token, or one without the right to do this. */
    public static final class NotAuthorizedException extends ProblemException {
        NotAuthorizedException(Problem problem) {
            super(problem);
        }
    }

    /** 404: no such task (or node). */
    public static final class NotFoundException extends ProblemException {
        NotFoundException(Problem problem) {
            super(problem);
        }
    }

    /** 409: the task is not in a state that allows it (cancel a finished task), or an idempotency key was used for another document. */
    public static final class ConflictException extends ProblemException {
        ConflictException(Problem problem) {
            super(problem);
        }
    }

    /** The server cannot take the request now but may later: {@link #retryAfter()} says when to try again, if it said. */
    public abstract static sealed class RetryLaterException extends ProblemException permits TooManyRequestsException, UnavailableException {
        private final Duration retryAfter;

        RetryLaterException(Problem problem, Optional<Duration> retryAfter) {
            super(problem);
            this.retryAfter = retryAfter.orElse(null);
        }

        /** The server's Retry-After, when it sent one. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** 429: the server takes no more work for now (admission control). */
    public static final class TooManyRequestsException extends RetryLaterException {
        TooManyRequestsException(Problem problem, Optional<Duration> retryAfter) {
            super(problem, retryAfter);
        }
    }

    /** 503: the server is starting, holds too many waiting reads, or its broker did not answer in time. */
    public static final class UnavailableException extends RetryLaterException {
        UnavailableException(Problem problem, Optional<Duration> retryAfter) {
            super(problem, retryAfter);
        }
    }
}
