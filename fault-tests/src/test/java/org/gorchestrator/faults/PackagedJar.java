package org.gorchestrator.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands that run the packaged standalone jar: as a Gorchestrator service (any set of roles), or,
 * through Spring Boot's {@code PropertiesLauncher}, as one of the Kafka tools it carries (the broker,
 * the storage formatter), so the whole cluster runs from the artifact that ships.
 */
final class PackagedJar {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = REPO.resolve("standalone/target/gorchestrator-standalone.jar");

    /*
     * Ten JVMs share two cores here: C1 alone starts them in a fraction of the time C2 takes, and the
     * scenarios' load (tens of nodes a second) does not need C2's code.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k");

    private PackagedJar() {}

    static void requireBuilt() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it with ./mvnw -q -B -pl standalone -am package -DskipTests");
        }
    }

    /** {@code java -jar gorchestrator-standalone.jar args...} with {@code heap} as -Xmx. */
    static List<String> service(String heap, List<String> args) {
        List<String> command = java(heap);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(args);
        return command;
    }

    /** A main class of the jar's libraries, e.g. {@code kafka.Kafka}, logging by {@code logback}. */
    static List<String> main(String heap, Path logback, String mainClass, List<String> args) {
        List<String> command = java(heap);
        command.addAll(List.of("-Dlogback.configurationFile=" + logback, "-Dloader.main=" + mainClass,
                "-cp", JAR.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
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
}
