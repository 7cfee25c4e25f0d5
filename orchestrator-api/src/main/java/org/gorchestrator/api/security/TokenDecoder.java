package org.gorchestrator.api.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/** Checks bearer tokens as {@code gorch.security.jwt.*} says: the issuer's signature, {@code iss}, {@code aud}, times and subject. */
final class TokenDecoder {

    private TokenDecoder() {}

    /**
     * A decoder that looks the issuer's keys up at its first token, not at start: the API starts (and serves its probes)
     * while the issuer is briefly unreachable.
     *
     * @throws IllegalStateException when neither the issuer nor its JWK set is configured
     */
    static JwtDecoder of(GorchSecurityProperties.Jwt jwt) {
        if (jwt.issuerUri() == null && jwt.jwkSetUri() == null) {
            throw new IllegalStateException("gorch.security.mode=jwt needs the token issuer: set gorch.security.jwt.issuer-uri "
                    + "(e.g. https://keycloak.example.com/realms/<realm>) or gorch.security.jwt.jwk-set-uri (README, \"Security\")");
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = jwt.jwkSetUri() != null
                    ? NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString()).build()
                    : NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri().toString()).build();
            decoder.setJwtValidator(validator(jwt));
            return decoder;
        });
    }

    static OAuth2TokenValidator<Jwt> validator(GorchSecurityProperties.Jwt jwt) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new JwtTimestampValidator(jwt.clockSkew()));
        if (jwt.issuerUri() != null) {
            checks.add(new JwtIssuerValidator(jwt.issuerUri().toString()));
        }
        if (!jwt.audiences().isEmpty()) {
            checks.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.stream().anyMatch(jwt.audiences()::contains)));
        }
        // The subject owns the workflows the token submits: a token without one could not own them.
        checks.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()));
        return new DelegatingOAuth2TokenValidator<>(checks);
    }
}
