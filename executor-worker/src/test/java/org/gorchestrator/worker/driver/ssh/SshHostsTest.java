package org.gorchestrator.worker.driver.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshHostsTest {
    @TempDir
    Path tmp;

    @Test
    void readsAListOfHostsWithAKeyRelativeToTheFile() throws IOException {
        Path file = write("""
                - name: web
                  host: 10.0.0.5
                  user: deploy
                  private_key: keys/web
                - {name: db, host: db.internal, port: 2200, user: admin, private_key: /etc/gorch/db_key}
                """);

        assertThat(SshHosts.find(file, "web")).isEqualTo(new SshHost("web", "10.0.0.5", 22, "deploy", tmp.resolve("keys/web").toString()));
        assertThat(SshHosts.find(file, "db")).isEqualTo(new SshHost("db", "db.internal", 2200, "admin", "/etc/gorch/db_key"));
    }

    @Test
    void readsTheSeedsFormatAMapByName() throws IOException {
        Path file = write("""
                test:
                  host: 127.0.0.1
                  port: 22
                  public_key: /home/dev/.ssh/id_rsa.pub
                  private_key: /home/dev/.ssh/id_rsa
                  remote_user: dev
                """);

        assertThat(SshHosts.find(file, "test")).isEqualTo(new SshHost("test", "127.0.0.1", 22, "dev", "/home/dev/.ssh/id_rsa"));
    }

    @Test
    void readsJsonToo() throws IOException {
        Path file = write("[{\"name\": \"web\", \"host\": \"10.0.0.5\", \"user\": \"deploy\", \"private_key\": \"/k\"}]");

        assertThat(SshHosts.find(file, "web").host()).isEqualTo("10.0.0.5");
    }

    @Test
    void saysWhatIsWrong() throws IOException {
        Path file = write("- {name: web, host: 10.0.0.5, user: deploy}\n");

        assertThatThrownBy(() -> SshHosts.find(file, "db")).hasMessage("no host 'db' in " + file + "; it has web");
        assertThatThrownBy(() -> SshHosts.find(file, null)).hasMessage("the node has no target: it must name a host of " + file);
        assertThatThrownBy(() -> SshHosts.find(file, "web")).hasMessage("host 'web' in " + file + " needs a host, a user and a private_key");
        assertThatThrownBy(() -> SshHosts.find(tmp.resolve("none.yaml"), "web")).hasMessage("no hosts file " + tmp.resolve("none.yaml")
                + " (gorch.worker.ssh.hosts-file)");
        assertThatThrownBy(() -> SshHosts.find(write("just text"), "web")).hasMessageEndingWith("must hold a list of hosts or a map of them by name");
        assertThatThrownBy(() -> SshHosts.find(write("- [1, 2]"), "web")).hasMessageContaining("is malformed");
        assertThatThrownBy(() -> SshHosts.find(write("- {name: web, host: x, user: u, private_key: k}\n- !!java.io.File [/]"), "web"))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot be read as YAML");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(tmp, "hosts", ".yaml"), text);
    }
}
