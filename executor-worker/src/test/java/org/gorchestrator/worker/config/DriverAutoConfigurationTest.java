package org.gorchestrator.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.gorchestrator.kafka.GorchKafkaAutoConfiguration;
import org.gorchestrator.test.KafkaBroker;
import org.gorchestrator.worker.driver.Driver;
import org.gorchestrator.worker.driver.DriverRegistry;
import org.gorchestrator.worker.driver.docker.DockerSettings;
import org.gorchestrator.worker.driver.ssh.SshSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(KafkaBroker.class)
class DriverAutoConfigurationTest {
    private static final long MB = 1024 * 1024;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PolicyAutoConfiguration.class, DriverAutoConfiguration.class));

    @Test
    void givesEachNewEngineADriverWithSafeDefaults() {
        runner.run(context -> {
            assertThat(context.getBeansOfType(Driver.class).values()).extracting(Driver::engine)
                    .containsExactlyInAnyOrder("ansible", "docker", "ssh", "toscassh");
            assertThat(context.getBean(DockerProperties.class).toSettings())
                    .isEqualTo(new DockerSettings("unix:///var/run/docker.sock", 512 * MB, 1_000_000_000L, "bridge", DockerSettings.Pull.MISSING));
            AnsibleProperties ansible = context.getBean(AnsibleProperties.class);
            assertThat(ansible.toSettings(Path.of("/srv")).command()).isEqualTo("ansible-playbook");
            assertThat(ansible.toSettings(Path.of("/srv")).inventory()).isNull();
            SshProperties ssh = context.getBean(SshProperties.class);
            assertThat(ssh.knownHostsPath()).isEqualTo(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
            assertThat(ssh.toSettings(Duration.ofSeconds(5)))
                    .isEqualTo(new SshSettings(Path.of("sshConfig.yaml"), Duration.ofSeconds(10), Duration.ofSeconds(5)));
        });
    }

    @Test
    void bindsTheSettings() {
        runner.withPropertyValues("gorch.worker.docker.host=tcp://127.0.0.1:2375", "gorch.worker.docker.memory=1GB", "gorch.worker.docker.cpus=0.25",
                        "gorch.worker.docker.network=none", "gorch.worker.docker.pull=never",
                        "gorch.worker.ansible.command=/opt/ansible/bin/ansible-playbook", "gorch.worker.ansible.inventory=/etc/ansible/hosts",
                        "gorch.worker.ssh.hosts-file=/etc/gorch/hosts.yaml", "gorch.worker.ssh.known-hosts=/etc/gorch/known_hosts",
                        "gorch.worker.ssh.connect-timeout=3s")
                .run(context -> {
                    assertThat(context.getBean(DockerProperties.class).toSettings())
                            .isEqualTo(new DockerSettings("tcp://127.0.0.1:2375", 1024 * MB, 250_000_000L, "none", DockerSettings.Pull.NEVER));
                    AnsibleProperties ansible = context.getBean(AnsibleProperties.class);
                    assertThat(ansible.toSettings(Path.of("/srv")).command()).isEqualTo("/opt/ansible/bin/ansible-playbook");
                    assertThat(ansible.toSettings(Path.of("/srv")).inventory()).isEqualTo(Path.of("/etc/ansible/hosts"));
                    SshProperties ssh = context.getBean(SshProperties.class);
                    assertThat(ssh.knownHostsPath()).isEqualTo(Path.of("/etc/gorch/known_hosts"));
                    assertThat(ssh.toSettings(Duration.ofSeconds(1)).hostsFile()).isEqualTo(Path.of("/etc/gorch/hosts.yaml"));
                    assertThat(ssh.toSettings(Duration.ofSeconds(1)).connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                });
    }

    @Test
    void rejectsBadSettingsNamingThem() {
        runner.withPropertyValues("gorch.worker.docker.cpus=0").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("gorch.worker.docker").hasMessageContaining("cpus"));
        runner.withPropertyValues("gorch.worker.docker.host=ssh://me@box").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessage("the Docker host must be unix:///path/to/docker.sock or tcp://host:port, was 'ssh://me@box'"));
    }

    @Test
    void theWorkersRegistryRunsTheNewEnginesToo() {
        runner.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, GorchKafkaAutoConfiguration.class, WorkerAutoConfiguration.class))
                .withPropertyValues("spring.kafka.bootstrap-servers=" + KafkaBroker.bootstrapServers())
                .run(context -> assertThat(context.getBean(DriverRegistry.class).engines())
                        .contains("ansible", "docker", "ssh", "toscassh", "shell"));
    }

    @Test
    void isSwitchedOffWithTheWorker() {
        runner.withPropertyValues("gorch.worker.enabled=false").run(context -> assertThat(context).doesNotHaveBean(Driver.class));
    }
}
