package org.gorchestrator.load;

/**
 * What one run at one rate measured.
 *
 * @param targetRate         workflows per second asked for; 0 for as fast as the in-flight bound allows
 * @param offeredRate        workflows per second actually submitted
 * @param seconds            from the first submission to the last workflow's stop_date
 * @param submitted          workflows the API accepted (202)
 * @param rejected           submissions the API refused or that failed
 * @param unfinished         accepted workflows not finished within the finish timeout
 * @param submitToFinish     from sending the POST to the graph's stop_date
 * @param handOff            from the latest predecessor's stop_date to a node's start_date
 * @param stopToAnswer       from the graph's stop_date to the driver holding the finished document: how long a client
 *                           waiting on the long poll takes to learn of the end (the conductor's clock against the
 *                           driver's: on one machine, one clock)
 * @param bytesPerNode       what the run added to each topic on the broker ({@link BytesPerNode#NONE} without {@code --kafka})
 * @param handOffSplit       where the hand-offs' time went ({@link HandOffSplit#NONE} without {@code --broker-logs})
 * @param requests           the requests the broker answered during the run ({@link RequestsPerNode#NONE} without {@code --broker-jmx})
 */
public record Measurement(String scenario, int nodesPerWorkflow, double targetRate, double offeredRate, double seconds,
                          int submitted, int rejected, int succeeded, int failed, int unfinished,
                          double workflowsPerSecond, double nodesPerSecond, Latencies submitToFinish, Latencies handOff,
                          Latencies stopToAnswer,
                          BytesPerNode bytesPerNode, HandOffSplit handOffSplit, RequestsPerNode requests) {

    public Measurement {
        java.util.Objects.requireNonNull(stopToAnswer, "stopToAnswer");
        java.util.Objects.requireNonNull(bytesPerNode, "bytesPerNode");
        java.util.Objects.requireNonNull(handOffSplit, "handOffSplit");
        java.util.Objects.requireNonNull(requests, "requests");
    }

    /** The nodes this run finished (every node of the scenarios is nil, so each succeeds). */
    public long nodesRun() {
        return Math.round(nodesPerSecond * seconds);
    }

    public Measurement withBytesPerNode(BytesPerNode bytes) {
        return new Measurement(scenario, nodesPerWorkflow, targetRate, offeredRate, seconds, submitted, rejected, succeeded, failed,
                unfinished, workflowsPerSecond, nodesPerSecond, submitToFinish, handOff, stopToAnswer, bytes, handOffSplit, requests);
    }

    public Measurement withHandOffSplit(HandOffSplit split) {
        return new Measurement(scenario, nodesPerWorkflow, targetRate, offeredRate, seconds, submitted, rejected, succeeded, failed,
                unfinished, workflowsPerSecond, nodesPerSecond, submitToFinish, handOff, stopToAnswer, bytesPerNode, split, requests);
    }

    public Measurement withRequests(RequestsPerNode counted) {
        return new Measurement(scenario, nodesPerWorkflow, targetRate, offeredRate, seconds, submitted, rejected, succeeded, failed,
                unfinished, workflowsPerSecond, nodesPerSecond, submitToFinish, handOff, stopToAnswer, bytesPerNode, handOffSplit, counted);
    }

    public String targetLabel() {
        return targetRate == 0 ? "max" : String.format(java.util.Locale.ROOT, "%.1f/s", targetRate);
    }
}
