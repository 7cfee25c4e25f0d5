package org.gorchestrator.api.security;

/** How the API authenticates its callers. */
public enum SecurityMode {
    /** Nobody is authenticated and everybody may do everything: allowed only on loopback listeners. */
    NONE,
    /** OAuth2 bearer tokens (JWT) from an issuer the API trusts; scopes say what a caller may do. */
    JWT
}
