package org.gorchestrator.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.gorchestrator.client.ConnectionException;
import org.gorchestrator.client.ProblemException;
import org.gorchestrator.client.ProblemException.InvalidRequestException;
import org.gorchestrator.client.ProblemException.NotAuthorizedException;
import org.gorchestrator.client.ProblemException.RetryLaterException;
import org.gorchestrator.client.WaitTimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** What a command could not do, said in one or a few lines on stderr (no stack trace), and the exit code that tells it. */
final class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof ConnectionException down) {
            err.println("gorch: " + down.getMessage());
            err.println("  is the server running there? Name it with --server URL or GORCH_SERVER.");
            return Exit.UNAVAILABLE;
        }
        if (e instanceof ProblemException problem) {
            return problem(problem, err);
        }
        if (e instanceof WaitTimeoutException timeout) {
            err.println("gorch: " + timeout.getMessage());
            return Exit.TIMEOUT;
        }
        if (e instanceof UncheckedIOException io) {
            String what = io.getCause() instanceof NoSuchFileException missing ? missing.getFile() + ": no such file" : io.getCause().toString();
            err.println("gorch: " + what);
            return Exit.NO_INPUT;
        }
        err.println("gorch: internal error, please report it: " + e);
        e.printStackTrace(err);
        return Exit.SOFTWARE;
    }

    static int problem(ProblemException problem, PrintWriter err) {
        err.println(Printable.of("gorch: " + problem.title() + (problem.detail().isEmpty() ? "" : ": " + problem.detail())));
        if (problem.violations().size() > 1) {
            problem.violations().forEach(v -> err.println(Printable.of("  " + v)));
        }
        if (problem instanceof RetryLaterException later) {
            later.retryAfter().ifPresent(wait -> err.println("  the server asks to try again in " + wait.toSeconds() + "s"));
            return Exit.UNAVAILABLE;
        }
        if (problem instanceof NotAuthorizedException) {
            return Exit.NO_PERMISSION;
        }
        if (problem instanceof InvalidRequestException) {
            return problem.title().endsWith("document") ? Exit.INVALID_DOCUMENT : Exit.USAGE;
        }
        return Exit.FAILURE;
    }
}
