package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * Where the Docker Engine listens: {@code unix:///var/run/docker.sock} or {@code tcp://host:port}
 * (plain TCP: TLS is not supported).
 */
record DockerHost(String text, SocketAddress address) {

    static DockerHost parse(String text) {
        URI uri = URI.create(text);
        if ("unix".equals(uri.getScheme()) && uri.getPath() != null && !uri.getPath().isEmpty()) {
            return new DockerHost(text, UnixDomainSocketAddress.of(uri.getPath()));
        }
        if ("tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
            return new DockerHost(text, InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort()));
        }
        throw new IllegalArgumentException("the Docker host must be unix:///path/to/docker.sock or tcp://host:port, was '" + text + "'");
    }

    /** A blocking channel: a thread blocked on it is freed by an interrupt, which closes it. */
    SocketChannel connect() throws IOException {
        SocketAddress target = address instanceof InetSocketAddress inet ? new InetSocketAddress(inet.getHostString(), inet.getPort()) : address;
        return SocketChannel.open(target);
    }

    @Override
    public String toString() {
        return text;
    }
}
