package org.gorchestrator.worker.driver;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bounds on the declared output values of one attempt. The values travel in the node's event and
 * then live in its workflow's state record, which every later change of the workflow publishes
 * again: a few large values would make that record larger than Kafka takes. An attempt over a bound
 * fails, naming the output and the bound; a value is never cut short, since a later node would then
 * run with a wrong one.
 *
 * @param maxValueBytes most UTF-8 bytes of one value ({@code gorch.worker.max-output-value-size})
 * @param maxTotalBytes most UTF-8 bytes of all the values of one attempt ({@code gorch.worker.max-outputs-size})
 */
public record OutputLimits(int maxValueBytes, int maxTotalBytes) {
    public OutputLimits {
        if (maxValueBytes < 1 || maxTotalBytes < maxValueBytes) {
            throw new IllegalArgumentException("output limits must be positive, the total at least the value's, were " + maxValueBytes
                    + " and " + maxTotalBytes);
        }
    }

    /** The result, or, if it succeeded with values over a bound, that attempt failed and saying why. */
    public DriverResult apply(DriverResult result) {
        if (!result.success()) {
            return result; // a failed attempt reports no outputs
        }
        long total = 0;
        // By name, so that the output named is the same whichever order the values came in.
        for (Map.Entry<String, String> output : new TreeMap<>(result.outputs()).entrySet()) {
            int bytes = output.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxValueBytes) {
                return failed(result, "output " + output.getKey() + " is " + bytes + " bytes, over gorch.worker.max-output-value-size ("
                        + maxValueBytes + ")");
            }
            total += bytes;
        }
        if (total > maxTotalBytes) {
            return failed(result, "outputs are " + total + " bytes in all, over gorch.worker.max-outputs-size (" + maxTotalBytes + ")");
        }
        return result;
    }

    private static DriverResult failed(DriverResult result, String message) {
        return new DriverResult(false, result.exitCode(), Map.of(), message, result.stdoutTail(), result.stderrTail(), false);
    }
}
