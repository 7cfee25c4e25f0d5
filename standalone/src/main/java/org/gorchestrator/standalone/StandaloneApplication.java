package org.gorchestrator.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Placeholder: replaced by the launcher that starts the embedded broker. */
@SpringBootApplication
public class StandaloneApplication {
    public static void main(String[] args) {
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
