package org.gorchestrator.worker.driver.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineClientTest {

    @TempDir
    Path tmp;

    @Test
    void speaksHttpOverAUnixSocketAndDechunksTheBody() throws Exception {
        Path socket = tmp.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> answerOnce(server,
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nOK \r\n5\r\nthere\r\n0\r\n\r\n"));

            try (EngineResponse response = new EngineClient(DockerHost.parse("unix://" + socket)).send("GET", "/_ping", null)) {
                assertThat(response.status()).isEqualTo(200);
                assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("OK there");
            }
            assertThat(request.get(5, TimeUnit.SECONDS)).isEqualTo(
                    "GET /_ping HTTP/1.1\r\nHost: docker\r\nUser-Agent: gorchestrator\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        }
    }

    @Test
    void readsABodyOfContentLengthBytesOnly() throws Exception {
        Path socket = tmp.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture.supplyAsync(() -> answerOnce(server, "HTTP/1.1 404 Not Found\r\nContent-Length: 27\r\n\r\n{\"message\":\"No such image\"}trailing junk"));

            try (EngineResponse response = new EngineClient(DockerHost.parse("unix://" + socket)).send("POST", "/containers/create", null)) {
                assertThat(response.status()).isEqualTo(404);
                assertThat(response.errorMessage()).isEqualTo("No such image");
            }
        }
    }

    @Test
    void logFramesOfTheOtherStreamAreSkipped() throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.writeBytes(frame(LogStream.STDOUT, "out 1\n"));
        frames.writeBytes(frame(LogStream.STDERR, "err\n"));
        frames.writeBytes(frame(LogStream.STDOUT, "out 2\n"));

        try (InputStream stdout = new LogStream(new java.io.ByteArrayInputStream(frames.toByteArray()), LogStream.STDOUT)) {
            assertThat(new String(stdout.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("out 1\nout 2\n");
        }
    }

    @Test
    void hostsAreUnixSocketsOrTcpOnly() {
        assertThat(DockerHost.parse("unix:///var/run/docker.sock").address()).isEqualTo(UnixDomainSocketAddress.of("/var/run/docker.sock"));
        assertThat(DockerHost.parse("tcp://10.1.2.3:2375").toString()).isEqualTo("tcp://10.1.2.3:2375");
        assertThatThrownBy(() -> DockerHost.parse("ssh://me@host"))
                .hasMessage("the Docker host must be unix:///path/to/docker.sock or tcp://host:port, was 'ssh://me@host'");
        assertThatThrownBy(() -> DockerHost.parse("tcp://host")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUntaggedImageMeansItsLatestTag() {
        assertThat(ContainerApi.withTag("alpine")).isEqualTo("alpine:latest");
        assertThat(ContainerApi.withTag("registry:5000/team/app")).isEqualTo("registry:5000/team/app:latest");
        assertThat(ContainerApi.withTag("registry:5000/team/app:1.2")).isEqualTo("registry:5000/team/app:1.2");
        assertThat(ContainerApi.withTag("alpine@sha256:abc")).isEqualTo("alpine@sha256:abc");
    }

    private static byte[] frame(int stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + bytes.length).put((byte) stream).put(new byte[3]).putInt(bytes.length).put(bytes).array();
    }

    /** Accepts one connection, reads the request head, sends {@code response} and closes. @return the head */
    private static String answerOnce(ServerSocketChannel server, String response) {
        try (SocketChannel connection = server.accept()) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(1);
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n") && connection.read(buffer.clear()) > 0) {
                head.write(buffer.get(0));
            }
            connection.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII)));
            return head.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
