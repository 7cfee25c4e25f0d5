package org.gorchestrator.worker.driver.ssh;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One host of the hosts file.
 *
 * @param name       what nodes give as their target
 * @param port       22 when not given
 * @param user       the remote user ({@code remote_user} in the seed's file)
 * @param privateKey the private key file to log in with (not encrypted); a relative path is relative to the hosts file
 */
record SshHost(String name, String host, Integer port, @JsonAlias("remote_user") String user,
               @JsonProperty("private_key") String privateKey) {
    private static final int DEFAULT_PORT = 22;

    SshHost {
        port = port == null ? DEFAULT_PORT : port;
    }

    @Override
    public String toString() {
        return name + " (" + user + "@" + host + ":" + port + ")";
    }
}
