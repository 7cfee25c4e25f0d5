package org.gorchestrator.worker.driver.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.gorchestrator.json.Json;

/**
 * A minimal HTTP/1.1 client for the Docker Engine API, over a unix socket or TCP: one connection
 * per call, closed with its response. The JDK's HttpClient cannot use a unix socket, and a Docker
 * client library would bring its own Jackson 2, HTTP stack and a dozen jars for the seven calls the
 * driver makes.
 *
 * <p>Paths carry no API version: the engine then speaks its own, and every call used here exists
 * unchanged in every version still supported.
 */
final class EngineClient {
    private final DockerHost host;

    EngineClient(DockerHost host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    /** Sends one request; {@code json} is the body to send as JSON, or null for none. The caller closes the response. */
    EngineResponse send(String method, String target, Object json) throws IOException {
        byte[] body = json == null ? new byte[0] : Json.write(json);
        SocketChannel channel = host.connect();
        try {
            OutputStream out = Channels.newOutputStream(channel);
            out.write(head(method, target, json != null, body.length).getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return EngineResponse.read(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static String head(String method, String target, boolean json, int length) {
        return method + " " + target + " HTTP/1.1\r\n"
                + "Host: docker\r\n"
                + "User-Agent: gorchestrator\r\n"
                + "Connection: close\r\n"
                + (json ? "Content-Type: application/json\r\n" : "")
                + "Content-Length: " + length + "\r\n"
                + "\r\n";
    }
}
