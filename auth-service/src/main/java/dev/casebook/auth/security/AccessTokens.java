package dev.casebook.auth.security;

import dev.casebook.auth.config.TokenSettings;
import dev.casebook.platform.access.AccessVersions;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Signs the short-lived RS256 access tokens every service verifies against the JWKS. */
@ApplicationScoped
public class AccessTokens {

    public record AccessToken(String token, long expiresInSeconds) {
    }

    private final TokenSettings settings;
    private final SigningKey key;

    public AccessTokens(TokenSettings settings, SigningKey key) {
        this.settings = settings;
        this.key = key;
    }

    /**
     * @param roles         the user's roles, as the token's {@code groups} claim names them
     * @param accessVersion the user's access version, so that a later revocation can refuse this token
     */
    public AccessToken issue(UUID userId, String username, List<String> roles, long accessVersion, Instant now) {
        Instant expiresAt = now.plus(settings.accessTokenLifetime());
        String token = Jwt.issuer(settings.issuer())
                .audience(settings.audience())
                .subject(userId.toString())
                .upn(username)
                .groups(new LinkedHashSet<>(roles))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .claim(AccessVersions.CLAIM, accessVersion)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.keyId())
                .sign(key.privateKey());
        return new AccessToken(token, settings.accessTokenLifetime().toSeconds());
    }
}
