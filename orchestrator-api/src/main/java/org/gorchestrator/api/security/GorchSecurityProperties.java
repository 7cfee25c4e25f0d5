package org.gorchestrator.api.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gorch.security.*}: how the API authenticates and authorizes its callers.
 *
 * @param mode                          {@code none} (loopback only) or {@code jwt}
 * @param allowUnauthenticatedOnNetwork lets {@code none} serve on a non-loopback address; logged as a WARN at every start
 * @param jwt                           where tokens come from and what they must say, in {@code jwt} mode
 * @param scopes                        the scope names of each right
 * @param console                       how the web console signs its users in, in {@code jwt} mode
 */
@Validated
@ConfigurationProperties("gorch.security")
public record GorchSecurityProperties(
        @DefaultValue("none") @NotNull SecurityMode mode,
        @DefaultValue("false") boolean allowUnauthenticatedOnNetwork,
        @DefaultValue @Valid Jwt jwt,
        @DefaultValue @Valid ScopeNames scopes,
        @DefaultValue @Valid Console console) {

    /**
     * {@code gorch.security.jwt.*}.
     *
     * @param issuerUri  the issuer: its tokens' {@code iss}, and where its OpenID configuration (hence its keys) is found
     * @param jwkSetUri  where the issuer's keys are, when it publishes no OpenID configuration; with issuerUri, used instead of
     *                   the discovered one, and {@code iss} is still checked
     * @param audiences  a token must name one of them in {@code aud}; empty: not checked
     * @param clockSkew  how far the issuer's clock may be from this one when checking {@code exp} and {@code nbf}
     */
    public record Jwt(
            URI issuerUri,
            URI jwkSetUri,
            @DefaultValue("gorch-api") List<String> audiences,
            @DefaultValue("60s") @NotNull Duration clockSkew) {

        public Jwt {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }
    }

    /**
     * {@code gorch.security.console.*}: the console signs in at {@code jwt.issuer-uri} with the authorization code flow and
     * PKCE, as a public client: it runs in the browser, where no secret stays secret.
     *
     * @param clientId the console's client id at the issuer
     * @param scopes   what the console asks for: {@code openid} and the rights its pages use
     */
    public record Console(
            @DefaultValue("gorch-console") @NotBlank String clientId,
            @DefaultValue("openid gorch.read gorch.submit gorch.cancel gorch.logs") @NotBlank String scopes) {
    }
}
