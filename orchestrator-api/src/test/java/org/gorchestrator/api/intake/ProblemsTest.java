package org.gorchestrator.api.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gorchestrator.api.commands.CommandTooLargeException;
import org.gorchestrator.api.http.ProblemHandler;
import org.gorchestrator.api.templates.DefinitionNotFoundException;
import org.gorchestrator.api.view.ViewNotReadyException;
import org.gorchestrator.validation.InvalidGraphException;
import org.gorchestrator.validation.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** A request from a Kafka record is refused as the same request over HTTP would be, and "later" is told apart. */
class ProblemsTest {
    private final Problems problems = new Problems(new ProblemHandler());

    @Test
    void anInvalidDocumentIsTheHttpApis400WithItsViolations() {
        ProblemDetail problem = problems.of(new InvalidGraphException(List.of(new Violation("nodes[0].engine", "unknown engine 'x'"))));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getTitle()).isEqualTo("Invalid document");
        assertThat(problem.getProperties()).containsEntry("violations", List.of(new Violation("nodes[0].engine", "unknown engine 'x'")));
        assertThat(Problems.passes(problem)).isFalse();
    }

    @Test
    void aDocumentTooLargeToSubmitIsA413NamingTheLimitAndIsNotTriedAgain() {
        ProblemDetail problem = problems.of(new CommandTooLargeException("wf-1", 70_000_000, 67_108_864));

        assertThat(problem.getStatus()).isEqualTo(413);
        assertThat(problem.getDetail()).contains("70000000 bytes", "gorch.kafka.max-command-size", "nothing was submitted");
        assertThat(Problems.passes(problem)).isFalse();
    }

    @Test
    void anUnknownTemplateIsA404AndAViewNotReadyPassesToBeTriedAgain() {
        assertThat(problems.of(new DefinitionNotFoundException("template", "deploy")).getStatus()).isEqualTo(404);
        ProblemDetail later = problems.of(new ViewNotReadyException("restoring"));
        assertThat(later.getStatus()).isEqualTo(503);
        assertThat(Problems.passes(later)).isTrue();
    }
}
