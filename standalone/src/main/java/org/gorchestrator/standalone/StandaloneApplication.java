package org.gorchestrator.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system in one process: the API, a conductor and a worker (auto-configured from their modules)
 * on an embedded Kafka broker, unless {@code spring.kafka.bootstrap-servers} names a Kafka cluster to use.
 */
@SpringBootApplication
public class StandaloneApplication {

    public static void main(String[] args) {
        run(args);
    }

    /** Starts the system; closing the returned context also stops the embedded broker. */
    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(StandaloneApplication.class);
        EmbeddedKafkaLauncher kafkaLauncher = new EmbeddedKafkaLauncher();
        application.addListeners(kafkaLauncher);
        application.addInitializers(kafkaLauncher);
        try {
            return application.run(args);
        } catch (RuntimeException e) {
            kafkaLauncher.close();
            throw e;
        }
    }
}
