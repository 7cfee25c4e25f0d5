package org.gorchestrator.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gorchestrator.client.GorchClient;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code gorch}: the command line of Gorchestrator. */
@Command(name = "gorch", mixinStandardHelpOptions = true, versionProvider = Gorch.Version.class,
        description = "Submit gorch documents to Gorchestrator and follow their runs, read their logs, list, cancel and rerun "
                + "them; check and draw documents offline.",
        subcommands = {SubmitCommand.class, GetCommand.class, ListCommand.class, WatchCommand.class, LogsCommand.class,
            CancelCommand.class, RerunCommand.class, ValidateCommand.class, DotCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  gorch submit --wait examples/seed-runnable.json",
            "  GORCH_SERVER=http://gorch.example:8080 gorch list --state running",
            "  source <(gorch completion)     # complete commands and options in bash or zsh"})
public final class Gorch implements Runnable {
    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL", defaultValue = "${env:GORCH_SERVER:-http://127.0.0.1:8080}",
            description = "The API's address; or the environment variable GORCH_SERVER. Default: ${DEFAULT-VALUE}")
    URI server;

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN", defaultValue = "${env:GORCH_TOKEN}",
            showDefaultValue = Visibility.NEVER,
            description = "A bearer token, for a server that wants one; or the environment variable GORCH_TOKEN.")
    String token;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command, e.g. 'gorch submit --wait FILE'");
    }

    /** The client of the server named by --server or GORCH_SERVER. */
    GorchClient client() {
        GorchClient.Builder builder;
        try {
            builder = GorchClient.builder(server);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--server: " + e.getMessage());
        }
        String bearer = token;
        return builder.token(bearer == null || bearer.isBlank() ? null : () -> bearer).build();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Gorch());
        commandLine.addSubcommand("completion", new AutoComplete.GenerateCompletion());
        // Node output and names are UTF-8 whatever the platform's default charset (ASCII in a POSIX locale on Java 17).
        commandLine.setOut(utf8(FileDescriptor.out));
        commandLine.setErr(utf8(FileDescriptor.err));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new UsageErrors());
        commandLine.setExecutionExceptionHandler(new Failures());
        for (String name : List.of("submit", "watch", "rerun")) {
            commandLine.getSubcommands().get(name).getCommandSpec().usageMessage()
                    .exitCodeListHeading("%nExit codes:%n").exitCodeList(Exit.descriptions());
        }
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(Exit.descriptions());
        example(commandLine, "help", "gorch help submit");
        example(commandLine, "completion", "gorch completion > ~/.gorch-completion && echo '. ~/.gorch-completion' >> ~/.bashrc");
        return commandLine;
    }

    /** picocli's own commands get an example too. */
    private static void example(CommandLine root, String command, String example) {
        root.getSubcommands().get(command).getCommandSpec().usageMessage().footerHeading("%nExample:%n").footer("  " + example);
    }

    private static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }

    /** The version of the jar, from its manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Gorch.class.getPackage().getImplementationVersion();
            return new String[] {"gorch " + (version == null ? "(development build)" : version)};
        }
    }
}
