package org.gorchestrator.worker.driver.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.gorchestrator.worker.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Which pids are read for a tag, and the processes of workers that are gone; a node's own processes are {@link ShellDriverTest}'s. */
class ProcessTreeTest {
    @Test
    void onlyPidsHandedOutAfterTheProgramsOwnAreCandidates() {
        assertThat(ProcessTree.handedOutBetween(1000, 1001, 1005)).isTrue();
        assertThat(ProcessTree.handedOutBetween(1000, 1005, 1005)).isTrue();
        assertThat(ProcessTree.handedOutBetween(1000, 1000, 1005)).as("the program itself").isFalse();
        assertThat(ProcessTree.handedOutBetween(1000, 999, 1005)).as("older").isFalse();
        assertThat(ProcessTree.handedOutBetween(1000, 1006, 1005)).as("a pid of an older round, not handed out again yet").isFalse();
    }

    @Test
    void afterThePidsStartedAgainFromTheBottomBothEndsAreCandidates() {
        assertThat(ProcessTree.handedOutBetween(32000, 32700, 300)).isTrue();
        assertThat(ProcessTree.handedOutBetween(32000, 250, 300)).isTrue();
        assertThat(ProcessTree.handedOutBetween(32000, 301, 300)).isFalse();
        assertThat(ProcessTree.handedOutBetween(32000, 31999, 300)).isFalse();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theProcessesOfAWorkerThatIsGoneAreEndedThoseOfARunningOneAreNot() throws IOException, InterruptedException {
        Process worker = new ProcessBuilder("sleep", "300").start(); // stands for another worker on this host
        Process node = null;
        try {
            String tag = worker.pid() + "." + worker.toHandle().info().startInstant().map(Instant::toEpochMilli).orElseThrow() + ".a-node";
            ProcessBuilder nodeStart = new ProcessBuilder("sleep", "300");
            nodeStart.environment().put(ProcessTree.VARIABLE, tag);
            node = nodeStart.start();

            ProcessTree.endOrphans(Duration.ofSeconds(1));
            assertThat(Processes.gone(node.pid())).as("the node of a running worker").isFalse();

            worker.destroyForcibly().waitFor();
            assertThat(ProcessTree.endOrphans(Duration.ofSeconds(1))).isGreaterThanOrEqualTo(1);
            assertThat(Processes.gone(node.pid())).as("the node of a worker that is gone").isTrue();
        } finally {
            worker.destroyForcibly();
            if (node != null) {
                node.destroyForcibly();
            }
        }
    }
}
