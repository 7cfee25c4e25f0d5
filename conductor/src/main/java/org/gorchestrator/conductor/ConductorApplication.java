package org.gorchestrator.conductor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs a conductor alone, against the cluster in {@code spring.kafka.bootstrap-servers}. */
@SpringBootApplication
public class ConductorApplication {
    public static void main(String[] args) {
        SpringApplication.run(ConductorApplication.class, args);
    }
}
