package org.gorchestrator.worker.driver.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pids whose environment is read for the tag; the killing itself is {@link ShellDriverTest}'s, with real processes. */
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
}
