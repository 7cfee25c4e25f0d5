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
 */
public record Measurement(String scenario, int nodesPerWorkflow, double targetRate, double offeredRate, double seconds,
                          int submitted, int rejected, int succeeded, int failed, int unfinished,
                          double workflowsPerSecond, double nodesPerSecond, Latencies submitToFinish, Latencies handOff) {

    public String targetLabel() {
        return targetRate == 0 ? "max" : String.format(java.util.Locale.ROOT, "%.1f/s", targetRate);
    }
}
