package org.gorchestrator.bench;

import java.util.List;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How much of the suite to run and for how long.
 *
 * @param forks              JVMs per benchmark configuration (0: in this JVM, for tests only)
 * @param warmups            warm-up iterations per configuration
 * @param measurements       measured iterations per configuration
 * @param iteration          length of one iteration
 * @param scalingSizes       node counts of the scaling series
 * @param parseSizes         node counts of the parse + validate comparison
 * @param roundTripSizes     node counts of the workflows whose events go through JSON as in the conductor's store
 * @param footprintSizes     node counts of the random DAGs whose in-flight memory is measured (the seed graph always is)
 * @param footprintNodes     nodes held in all for one memory measurement (copies = this / graph size)
 */
public record Plan(int forks, int warmups, int measurements, TimeValue iteration,
                   List<Integer> scalingSizes, List<Integer> parseSizes, List<Integer> roundTripSizes,
                   List<Integer> footprintSizes, int footprintNodes) {

    /** About a minute on 2 quiet cores: rough numbers, the JIT barely warm. */
    public static final Plan QUICK = new Plan(1, 2, 2, TimeValue.milliseconds(500),
            List.of(10, 1_000, 100_000), List.of(1_000), List.of(1_000), List.of(1_000), 1_000_000);

    /** Every size the issue asks for, with ten seconds of warm-up each; 10-15 minutes on 2 quiet cores. */
    public static final Plan FULL = new Plan(1, 10, 5, TimeValue.seconds(1),
            List.of(10, 100, 1_000, 10_000, 100_000), List.of(100, 1_000, 10_000), List.of(10, 100, 1_000, 10_000),
            List.of(100, 10_000, 100_000), 2_000_000);
}
