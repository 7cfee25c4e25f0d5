package org.gorchestrator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gorchestrator.client.GorchClient;
import org.gorchestrator.client.GorchException;
import org.gorchestrator.client.ProblemException.InvalidRequestException;
import org.gorchestrator.client.Submitted;
import org.gorchestrator.model.Graph;
import org.gorchestrator.validation.UnreadableDocumentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit a gorch document and print its task's id; with --wait, follow the run to its end: a progress bar, the "
                + "nodes running and failures as they happen on a terminal, plain lines in a pipe.",
        footerHeading = "%nExamples:%n",
        footer = {"  gorch submit examples/seed-runnable.json",
            "  gorch submit --wait --key order-4711 --name 'order 4711' examples/seed-runnable.json"})
final class SubmitCommand implements Callable<Integer> {
    @ParentCommand
    Gorch gorch;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The document, a JSON file.")
    Path file;

    @Option(names = "--wait", description = "Follow the run until it ends; the exit code says how it ended.")
    boolean wait;

    @Option(names = "--key", paramLabel = "KEY", description = "An Idempotency-Key (1 to 200 of A-Z a-z 0-9 . _ : -): the same "
            + "document with the same key again starts nothing and answers the same task.")
    String key;

    @Option(names = "--name", paramLabel = "NAME", description = "Name the task NAME instead of the document's name.")
    String name;

    @Mixin
    Following following;

    @Override
    public Integer call() {
        GorchClient client = gorch.client();
        PrintWriter err = spec.commandLine().getErr();
        Submitted submitted;
        try {
            submitted = submit(client);
        } catch (UnreadableDocumentException e) {
            Documents.describe(file, List.of(e.violation())).forEach(err::println);
            return Exit.INVALID_DOCUMENT;
        } catch (InvalidRequestException e) {
            if (!e.title().endsWith("document")) {
                throw e;
            }
            Documents.describe(file, e.violations()).forEach(err::println);
            return Exit.INVALID_DOCUMENT;
        }
        if (submitted.replayed()) {
            err.println("gorch: submitted before with key " + key + ": task " + submitted.id() + ", nothing new started");
        }
        if (!wait) {
            spec.commandLine().getOut().println(submitted.id());
            return Exit.SUCCESS;
        }
        try {
            return following.follow(client, submitted.id());
        } catch (GorchException e) {
            // the task runs whatever happened to its display: say which it is before what went wrong
            err.println("gorch: submitted as task " + submitted.id() + " (gorch watch " + submitted.id() + " follows it)");
            throw e;
        }
    }

    /** The file as it is, or read here when it is to be renamed (with the API's reader: the same messages). */
    private Submitted submit(GorchClient client) {
        if (name != null) {
            Graph renamed = Documents.read(file).withName(name);
            return key == null ? client.submit(renamed) : client.submit(renamed, key);
        }
        return key == null ? client.submit(file) : client.submit(file, key);
    }
}
