package org.gorchestrator.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gorchestrator.dot.DotRenderer;
import org.gorchestrator.model.Graph;
import org.gorchestrator.model.Node;
import org.gorchestrator.validation.Limits;
import org.gorchestrator.validation.UnreadableDocumentException;
import org.gorchestrator.validation.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "dot", mixinStandardHelpOptions = true,
        description = "Draw a document file, or a task with each node coloured by its state, as Graphviz DOT (left to right); "
                + "with --svg, as SVG through Graphviz's dot program.",
        footerHeading = "%nExamples:%n",
        footer = {"  gorch dot examples/seed-runnable.json | dot -Tpng -o seed.png",
            "  gorch dot --svg 0196f0c1-5b2e-7c3d-8e4f-a1b2c3d4e5f6 > run.svg"})
final class DotCommand implements Callable<Integer> {
    private static final String GRAPHVIZ = "dot";

    @ParentCommand
    Gorch gorch;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|ID", description = "A document file (read offline), or a task's id (drawn by the server).")
    String source;

    @Option(names = "--svg", description = "SVG instead of DOT, made by Graphviz's dot program, which must be on the PATH.")
    boolean svg;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<Path> graphviz = svg ? onPath(GRAPHVIZ) : Optional.empty();
        if (svg && graphviz.isEmpty()) {
            spec.commandLine().getErr().println("gorch: --svg needs Graphviz's dot program on the PATH, and there is none "
                    + "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz); without --svg the DOT text is printed");
            return Exit.UNAVAILABLE;
        }
        Path file = Path.of(source);
        String dot;
        if (Files.isRegularFile(file)) {
            Optional<String> drawn = drawFile(file);
            if (drawn.isEmpty()) {
                return Exit.INVALID_DOCUMENT;
            }
            dot = drawn.get();
        } else {
            dot = gorch.client().graphDot(source);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(graphviz.isPresent() ? toSvg(graphviz.get(), dot) : dot);
        out.flush();
        return Exit.SUCCESS;
    }

    /** The file's DOT, or empty when it is no valid document (its violations printed): only a valid one has a shape to draw. */
    private Optional<String> drawFile(Path file) {
        List<Violation> violations;
        try {
            Graph graph = Documents.read(file);
            // Which pools the server declares is its business, not the drawing's: every pool the document names will do.
            violations = ValidateCommand.validator(poolsNamedIn(graph)).validate(graph);
            if (violations.isEmpty()) {
                return Optional.of(DotRenderer.render(graph));
            }
        } catch (UnreadableDocumentException e) {
            violations = List.of(e.violation());
        }
        Documents.describe(file, violations).forEach(spec.commandLine().getErr()::println);
        return Optional.empty();
    }

    private static Set<String> poolsNamedIn(Graph graph) {
        return graph.nodes().stream()
                .filter(Objects::nonNull)
                .map(Node::target)
                .filter(target -> target != null && target.startsWith(Limits.POOL_PREFIX))
                .map(target -> target.substring(Limits.POOL_PREFIX.length()))
                .collect(Collectors.toSet());
    }

    private String toSvg(Path graphviz, String dot) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(graphviz.toString(), "-Tsvg").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        }
        String svgText = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new UncheckedIOException(new IOException("Graphviz's dot exited with " + process.exitValue()));
        }
        return svgText;
    }

    /** The program's path in a directory of the PATH, if there is one. */
    static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
