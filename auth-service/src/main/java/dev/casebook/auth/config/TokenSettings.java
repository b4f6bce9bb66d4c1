package dev.casebook.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How auth-service issues tokens. {@code casebook.jwt.issuer} and {@code casebook.jwt.audience} are shared with every
 * verifier (platform's defaults).
 */
@ConfigMapping(prefix = "casebook.jwt")
public interface TokenSettings {

    /** The {@code iss} of every access token; verifiers expect the same value as {@code mp.jwt.verify.issuer}. */
    String issuer();

    /**
     * The {@code aud} of every access token, one value; every verifier expects it as {@code mp.jwt.verify.audiences}
     * (platform's defaults) and refuses a token without it.
     */
    String audience();

    /** How long an access token is accepted; roles changed meanwhile reach its holder with the next one. */
    @WithDefault("15m")
    Duration accessTokenLifetime();

    /** How long a refresh token can be traded for a new pair; a session unused for longer must log in again. */
    @WithDefault("7d")
    Duration refreshTokenLifetime();

    /**
     * How long after a refresh the same refresh token, sent again by the same client (same address and User-Agent:
     * two tabs refreshing at once, a retry after a timeout), gets the same new pair instead of revoking the session.
     * After it, or from another client, a used token coming back still revokes its whole session. Zero turns it off.
     */
    @WithDefault("10s")
    Duration refreshReuseGrace();

    /** PKCS#8 PEM file of the RSA key that signs access tokens. */
    Path privateKeyFile();

    /** X.509 PEM file of its public half, published in the JWKS. */
    Path publicKeyFile();

    /** The public key signed with before the last rotation: still published until its tokens have expired. */
    Optional<Path> previousPublicKeyFile();

    /** How long verifiers may cache the JWKS; short, so that a rotation reaches them soon. */
    @WithDefault("5m")
    Duration jwksMaxAge();
}
