package org.gorchestrator.api.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web console reads before its first call: whether it must sign in, and where. Open in every mode (outside
 * {@code /v1}, like the console's files): a browser that has no token yet asks it. Not part of the API's contract, so not
 * in its OpenAPI document.
 */
@Hidden
@RestController
public class ConsoleConfigController {
    public static final String PATH = "/console/config.json";
    private final ConsoleConfig config;

    public ConsoleConfigController(GorchSecurityProperties properties) {
        this.config = ConsoleConfig.of(properties);
    }

    @GetMapping(value = PATH, produces = "application/json")
    public ResponseEntity<ConsoleConfig> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
    }

    /**
     * {@code {"mode":"none"}}, or in mode jwt the issuer (absent when only a key set is configured: then the console cannot
     * sign in and says so), the console's client id and the scopes it asks for.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsoleConfig(String mode, URI issuer, String clientId, String scopes) {

        static ConsoleConfig of(GorchSecurityProperties properties) {
            String mode = properties.mode().name().toLowerCase(Locale.ROOT);
            if (properties.mode() == SecurityMode.NONE) {
                return new ConsoleConfig(mode, null, null, null);
            }
            GorchSecurityProperties.Console console = properties.console();
            return new ConsoleConfig(mode, properties.jwt().issuerUri(), console.clientId(), console.scopes());
        }
    }
}
