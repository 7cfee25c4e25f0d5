package org.gorchestrator.system;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The services arrive as auto-configurations from their jars; each context turns some of them off. */
@SpringBootApplication
class SystemTestApplication {
}
