package org.gorchestrator.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.gorchestrator.message.NodeCommand;
import org.gorchestrator.message.NodeEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/** The project's mapper builds records as plain Jackson does, through a faster call: same values, same failures. */
class RecordConstructorsTest {
    private static final JsonMapper PLAIN = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void aRecordReadsToTheSameValueAsWithPlainJackson() {
        NodeCommand command = new NodeCommand("w1", 3, 2, "build", "shell", "make", List.of("all", "-j2"), null,
                List.of("version"), 30, T0);
        NodeEvent event = new NodeEvent.Failed("w1", 3, 2, "worker-1", null, "no such file", T0, T0);

        assertThat(Json.read(Json.write(command), NodeCommand.class)).isEqualTo(command);
        assertThat(Json.read(Json.write(event), NodeEvent.class)).isEqualTo(event).isEqualTo(PLAIN.readValue(Json.write(event), NodeEvent.class));
    }

    @Test
    void aFieldLeftOutIsTheConstructorsToFillOrJacksonsToRefuse() {
        String withoutOutputs = """
                {"type": "succeeded", "workflowId": "w1", "nodeId": 4, "attempt": 1, "exitCode": 0, "at": "2024-05-01T10:00:00Z"}""";
        String withoutExitCode = withoutOutputs.replace("\"exitCode\": 0, ", "");

        assertThat(((NodeEvent.Succeeded) Json.read(withoutOutputs, NodeEvent.class)).outputs()).isEmpty();
        assertThat(Json.read(withoutOutputs, NodeEvent.class)).isEqualTo(PLAIN.readValue(withoutOutputs, NodeEvent.class));
        assertThat(catchThrowableOfType(JacksonException.class, () -> Json.read(withoutExitCode, NodeEvent.class)).getOriginalMessage())
                .isEqualTo(catchThrowableOfType(JacksonException.class, () -> PLAIN.readValue(withoutExitCode, NodeEvent.class)).getOriginalMessage())
                .contains("int");
    }

    @Test
    void aConstructorsRefusalIsReportedAsJacksonReportsIt() {
        String json = """
                {"workflowId": "w1", "nodeId": 0, "attempt": 0, "engine": "nil", "at": "2024-05-01T10:00:00Z"}""";

        ValueInstantiationException ours = catchThrowableOfType(ValueInstantiationException.class, () -> Json.read(json, NodeCommand.class));
        ValueInstantiationException plain = catchThrowableOfType(ValueInstantiationException.class, () -> PLAIN.readValue(json, NodeCommand.class));

        assertThat(ours.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessage("attempt must be >= 1, was 0");
        assertThat(ours.getOriginalMessage()).isEqualTo(plain.getOriginalMessage());
        assertThat(ours.getPath()).hasSameSizeAs(plain.getPath());
    }

    @Test
    void aRecordThisModuleMayNotCallIsStillReadByJackson() {
        assertThat(Json.read("{\"name\": \"x\", \"size\": 2}", Hidden.class)).isEqualTo(new Hidden("x", 2));
    }

    private record Hidden(String name, int size) {}
}
