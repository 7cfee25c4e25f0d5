package org.gorchestrator.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs the packaged command line as a user does: {@code java -jar target/gorch.jar ...} in another process, from the repository root. */
final class Cli {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = Path.of("target", "gorch.jar").toAbsolutePath();
    private static final long LIMIT_SECONDS = 90;
    /** As bin/gorch starts the jar. */
    private static final List<String> LAUNCHER_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    /** What a run of the command printed, and its exit code. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final String server;

    Cli(String server) {
        this.server = server;
    }

    /** gorch ARGS with stdout and stderr to pipes (so not a terminal), against this system's server. */
    Run run(String... args) {
        return run(Map.of(), args);
    }

    Run run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return exec(command, env);
    }

    /**
     * gorch ARGS in a pseudo-terminal (util-linux {@code script}), as in an interactive shell: stdin and stdout are a
     * terminal, so Java sees a console. What the terminal received is the output, escape sequences included.
     */
    Run inTerminal(String... args) {
        String command = java() + " " + String.join(" ", LAUNCHER_OPTIONS) + " -jar " + JAR + " " + List.of(args).stream().map(Cli::quoted).collect(Collectors.joining(" "));
        return exec(List.of("script", "-qfec", command, "/dev/null"), Map.of());
    }

    private Run exec(List<String> command, Map<String, String> env) {
        try {
            Path out = Files.createTempFile("gorch-out", ".txt");
            Path err = Files.createTempFile("gorch-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile())
                    .redirectInput(new File("/dev/null")).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("GORCH_SERVER", server);
            builder.environment().remove("GORCH_TOKEN");
            builder.environment().remove("COLUMNS");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " still ran after " + LIMIT_SECONDS + "s");
            }
            Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
