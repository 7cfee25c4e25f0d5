package org.gorchestrator.worker.driver.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gorchestrator.worker.testkit.Commands.command;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteCommandTest {

    @Test
    void quotesEveryWordInSingleQuotesEscapingTheQuotesInside() {
        assertThat(RemoteCommand.quote("plain")).isEqualTo("'plain'");
        assertThat(RemoteCommand.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(RemoteCommand.quote("$(id) `id` ; | & * \\ \n")).isEqualTo("'$(id) `id` ; | & * \\ \n'");
        assertThat(RemoteCommand.quote("")).isEqualTo("''");
    }

    @Test
    void exportsTheNodesIdentityThenExecsTheProgramWithItsArgs() {
        assertThat(RemoteCommand.of(command("wf", 3, "ssh", "./run.sh", List.of("a b", "x=1")), false)).isEqualTo(
                "export GORCH_WORKFLOW_ID='wf' GORCH_NODE_ID='3' GORCH_NODE_NAME='n3' GORCH_ATTEMPT='1'; exec './run.sh' 'a b' 'x=1'");
    }

    @Test
    void toscasshExportsNameValueArgsAndPassesTheOthers() {
        assertThat(RemoteCommand.of(command("wf", 3, "toscassh", "./run.sh", List.of("ip=10.0.0.1", "plain", "not-a-name=1")), true)).isEqualTo(
                "export GORCH_WORKFLOW_ID='wf' GORCH_NODE_ID='3' GORCH_NODE_NAME='n3' GORCH_ATTEMPT='1' ip='10.0.0.1'; exec './run.sh' 'plain' 'not-a-name=1'");
    }

    @Test
    void refusesWhatCannotBePassed() {
        assertThatThrownBy(() -> RemoteCommand.of(command("wf", 3, "ssh", "run", List.of("a\0b")), false))
                .hasMessage("a NUL byte cannot be passed in a remote command");
        assertThatThrownBy(() -> RemoteCommand.of(command("wf", 3, "ssh", "-rf", List.of()), false))
                .hasMessage("the artifact must not start with '-'");
    }
}
