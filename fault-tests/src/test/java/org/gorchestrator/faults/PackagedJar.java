package org.gorchestrator.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipFile;

/**
 * Commands that run the packaged standalone jar: as a Gorchestrator service (any set of roles), or as
 * one of the Kafka tools it carries (the broker, the storage formatter), so the whole cluster runs from
 * the artifact that ships.
 *
 * <p>The jar is run as Spring Boot's own tool extracts it ({@code -Djarmode=tools extract}), with a
 * class-data-sharing archive recorded by one training start: ten JVMs share two cores here, and this
 * way each service starts on about a third of the CPU time a start from the nested jar takes.
 */
final class PackagedJar {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = REPO.resolve("standalone/target/gorchestrator-standalone.jar");
    private static final Path APP = Path.of("target", "faults", "app").toAbsolutePath();
    private static final Path EXTRACTED = APP.resolve(JAR.getFileName());
    private static final Path ARCHIVE = APP.resolve("services.jsa");
    private static final Path FINGERPRINT = APP.resolve("fingerprint");

    /* C1 alone starts the JVMs in a fraction of the time C2 takes; the scenarios' load (tens of nodes a second) needs no C2 code. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");

    private PackagedJar() {}

    /** Extracts the jar, unless it was extracted from this very jar already. */
    static synchronized void extract() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it with ./mvnw -q -B -pl standalone -am package -DskipTests");
        }
        String fingerprint = fingerprint();
        if (fingerprint.equals(read(FINGERPRINT))) {
            return;
        }
        delete(APP);
        run("extract", List.of(java("256m"), List.of("-Djarmode=tools", "-jar", JAR.toString(), "extract", "--destination", APP.toString())));
        write(FINGERPRINT, fingerprint);
    }

    /**
     * Records the class-data-sharing archive by starting the services' context once with {@code settings} (which must
     * reach a running broker: the context connects while it starts) and every role on, unless it was recorded already.
     */
    static synchronized void train(List<String> settings) {
        if (Files.isRegularFile(ARCHIVE)) {
            return;
        }
        List<String> args = new ArrayList<>(settings);
        args.addAll(List.of("--server.port=0", "--gorch.standalone.data-dir=" + APP.resolve("training")));
        run("training", List.of(java("320m"), List.of("-XX:ArchiveClassesAtExit=" + ARCHIVE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-Dspring.context.exit=onRefresh", "-jar", EXTRACTED.toString()), args));
    }

    /** {@code java -jar gorchestrator-standalone.jar args...} with {@code heap} as -Xmx. */
    static List<String> service(String heap, List<String> args) {
        List<String> command = java(heap);
        // Without the archive (not recorded yet, or refused by this JVM) the JVM runs as it would without sharing.
        command.addAll(List.of("-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", EXTRACTED.toString()));
        command.addAll(args);
        return command;
    }

    /** A main class of the jar's libraries, e.g. {@code kafka.Kafka}, logging by {@code logback}. */
    static List<String> main(String heap, Path logback, String mainClass, List<String> args) {
        List<String> command = java(heap);
        command.addAll(List.of("-Dlogback.configurationFile=" + logback, "-cp", EXTRACTED.toString(), mainClass));
        command.addAll(args);
        return command;
    }

    private static List<String> java(String heap) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.addAll(JVM_OPTIONS);
        return command;
    }

    private static void run(String name, List<List<String>> parts) {
        try {
            Files.createDirectories(APP.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess process = new ManagedProcess(name, parts.stream().flatMap(List::stream).toList(), APP.resolveSibling(name + ".log"));
        process.start();
        await(name + " of " + JAR.getFileName()).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> !process.alive());
    }

    /*
     * The jar is packaged again by every build, with new timestamps: its entries' names, sizes and checksums say
     * whether its content changed, and so whether the extraction and the archive recorded from it still hold.
     */
    private static String fingerprint() {
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            CRC32 crc = new CRC32();
            zip.stream().forEach(e -> crc.update((e.getName() + ":" + e.getSize() + ":" + e.getCrc() + "\n").getBytes(StandardCharsets.UTF_8)));
            return Long.toHexString(crc.getValue()) + "/" + zip.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
