package org.gorchestrator.worker.config;

import org.gorchestrator.worker.driver.ansible.AnsibleDriver;
import org.gorchestrator.worker.driver.docker.DockerDriver;
import org.gorchestrator.worker.driver.shell.NodeSandbox;
import org.gorchestrator.worker.driver.shell.ShellDriver;
import org.gorchestrator.worker.driver.ssh.SshConnector;
import org.gorchestrator.worker.driver.ssh.SshDriver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The drivers for engines {@code ansible}, {@code docker}, {@code ssh} and {@code toscassh}. Each is
 * there whether or not its tool or host is: a node that needs one that is missing fails saying so.
 */
@AutoConfiguration(after = PolicyAutoConfiguration.class)
@ConditionalOnProperty(prefix = "gorch.worker", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({WorkerProperties.class, AnsibleProperties.class, DockerProperties.class, SshProperties.class})
public class DriverAutoConfiguration {

    @Bean
    public AnsibleDriver gorchWorkerAnsibleDriver(WorkerProperties worker, AnsibleProperties ansible, NodeSandbox sandbox) {
        ShellDriver shell = new ShellDriver(worker.killGrace(), worker.artifactsPath(), sandbox);
        return new AnsibleDriver(shell, ansible.toSettings(worker.artifactsPath()));
    }

    @Bean
    public DockerDriver gorchWorkerDockerDriver(DockerProperties docker) {
        return new DockerDriver(docker.toSettings());
    }

    @Bean(destroyMethod = "close")
    public SshConnector gorchWorkerSshConnector(SshProperties ssh) {
        return new SshConnector(ssh.knownHostsPath());
    }

    @Bean
    public SshDriver gorchWorkerSshDriver(SshConnector connector, SshProperties ssh, WorkerProperties worker) {
        return SshDriver.ssh(connector, ssh.toSettings(worker.killGrace()));
    }

    @Bean
    public SshDriver gorchWorkerToscasshDriver(SshConnector connector, SshProperties ssh, WorkerProperties worker) {
        return SshDriver.toscassh(connector, ssh.toSettings(worker.killGrace()));
    }
}
