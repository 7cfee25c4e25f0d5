package org.gorchestrator.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The load driver's command line: runs once or as a sweep of rates against a running system,
 * prints a table and writes the result files. {@code --help} lists the options.
 */
public final class Main {
    /** The rates of an automatic sweep, as fractions of the throughput reached at max. */
    static final double[] AUTO_FRACTIONS = {0.25, 0.5, 0.75};

    private Main() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        List<Measurement> results = run(options);
        System.out.print(ResultFiles.table(results));
        for (Path file : ResultFiles.write(options.out(), results)) {
            System.out.println("wrote " + file);
        }
    }

    /** Every run the options ask for, in the order they ran. */
    static List<Measurement> run(Options options) throws InterruptedException {
        TasksClient client = new TasksClient(options.baseUrl());
        if (!options.warmup().isZero()) {
            LoadRun.run(client, options.scenario(), options.settings().lasting(options.warmup()), 0, "warm-up (not counted)");
        }
        List<Measurement> results = new ArrayList<>();
        if (options.autoSweep()) {
            Measurement max = LoadRun.run(client, options.scenario(), options.settings(), 0);
            results.add(max);
            for (double fraction : AUTO_FRACTIONS) {
                if (max.workflowsPerSecond() > 0) {
                    results.add(LoadRun.run(client, options.scenario(), options.settings(), fraction * max.workflowsPerSecond()));
                }
            }
        } else {
            for (double rate : options.rates()) {
                results.add(LoadRun.run(client, options.scenario(), options.settings(), rate));
            }
        }
        return results;
    }
}
