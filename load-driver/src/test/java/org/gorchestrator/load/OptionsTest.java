package org.gorchestrator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsTargetTheLocalStandaloneSystemAsFastAsPossible() {
        Options options = Options.parse();

        assertThat(options.baseUrl()).hasToString("http://127.0.0.1:8080");
        assertThat(options.scenario()).isEqualTo(Scenario.SEED);
        assertThat(options.rates()).containsExactly(0.0);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.settings()).isEqualTo(new LoadRun.Settings(64, Duration.ofSeconds(30), 0, Duration.ofSeconds(120)));
    }

    @Test
    void readsEveryOption() {
        Options options = Options.parse("--url", "http://localhost:9000", "--scenario", "fanout1000", "--sweep", "5,10,max",
                "--duration", "1m", "--count", "40", "--concurrency", "8", "--finish-timeout", "500ms", "--out", "x", "--warmup", "0");

        assertThat(options.scenario()).isEqualTo(Scenario.FANOUT1000);
        assertThat(options.rates()).containsExactly(5.0, 10.0, 0.0);
        assertThat(options.settings()).isEqualTo(new LoadRun.Settings(8, Duration.ofMinutes(1), 40, Duration.ofMillis(500)));
        assertThat(options.out()).hasToString("x");
        assertThat(options.warmup()).isZero();
    }

    @Test
    void quickIsAnAutomaticSweepOfTheSeedGraph() {
        Options options = Options.parse("--quick");

        assertThat(options.autoSweep()).isTrue();
        assertThat(options.settings().duration()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refusesAnAddressOffThisMachineUnlessAllowed() {
        assertThatThrownBy(() -> Options.parse("--url", "http://192.0.2.10:8080"))
                .hasMessageContaining("not a loopback address").hasMessageContaining("--allow-remote");

        assertThat(Options.parse("--url", "http://192.0.2.10:8080", "--allow-remote").allowRemote()).isTrue();
    }

    @Test
    void refusesNonsense() {
        for (List<String> args : List.of(List.of("--rate", "-3"), List.of("--count", "0"), List.of("--duration", "0s"),
                List.of("--scenario", "huge"), List.of("--bogus", "1"), List.of("--count"), List.of("--url", "ftp://127.0.0.1/"))) {
            assertThatThrownBy(() -> Options.parse(args.toArray(String[]::new))).as(args.toString()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void kafkaNamesTheBrokerWhoseLogSizesAreReadAndItsConfigFileAddsSettings(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("admin.properties"), "security.protocol=SASL_SSL\n");

        assertThat(Options.parse().kafkaAdmin()).isEmpty();
        assertThat(Options.parse("--kafka", "127.0.0.1:9092", "--kafka-config", config.toString()).kafkaAdmin())
                .isEqualTo(java.util.Map.of("bootstrap.servers", "127.0.0.1:9092", "security.protocol", "SASL_SSL"));
        assertThatThrownBy(() -> Options.parse("--kafka-config", config.toString())).hasMessageContaining("--kafka");
        assertThatThrownBy(() -> Options.parse("--kafka", "127.0.0.1:9092", "--kafka-config", dir.resolve("missing").toString()))
                .hasMessageContaining("missing");
    }

    @Test
    void brokerJmxIsOptional() {
        assertThat(Options.parse().brokerJmx()).isNull();
        assertThat(Options.parse("--broker-jmx", "127.0.0.1:19999").brokerJmx()).isEqualTo("127.0.0.1:19999");
    }

    @Test
    void brokerLogsNamesAnExistingDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(Options.parse().brokerLogs()).isNull();
        assertThat(Options.parse("--broker-logs", dir.toString()).brokerLogs()).isEqualTo(dir);
        assertThatThrownBy(() -> Options.parse("--broker-logs", dir.resolve("missing").toString()))
                .hasMessageContaining("--broker-logs must name a directory");
    }
}
