package org.gorchestrator.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar benchmarks.jar [quick | full] [REPORT.md]} runs the suite and prints its tables
 * (and writes them to REPORT.md when given); {@code java -jar benchmarks.jar jmh ARGS...} hands
 * ARGS to JMH itself (e.g. {@code jmh SeedBenchmark -prof gc}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "full" : args[0];
        if (mode.equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (!mode.equals("quick") && !mode.equals("full")) {
            System.err.println("usage: java -jar benchmarks.jar [quick | full] [REPORT.md]   or   java -jar benchmarks.jar jmh JMH-ARGS...");
            System.exit(2);
        }
        String report = new Suite(mode.equals("quick") ? Plan.QUICK : Plan.FULL).run().toMarkdown();
        System.out.println();
        System.out.println(report);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), report);
        }
    }
}
