package dev.casebook.auth.security;

import dev.casebook.auth.config.TokenSettings;
import dev.casebook.platform.security.Role;
import dev.casebook.auth.domain.User;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    public AccessToken issue(User user, Instant now) {
        Instant expiresAt = now.plus(settings.accessTokenLifetime());
        Set<String> groups = user.sortedRoles().stream().map(Role::id).collect(Collectors.toCollection(LinkedHashSet::new));
        String token = Jwt.issuer(settings.issuer())
                .subject(user.id.toString())
                .upn(user.username)
                .groups(groups)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(key.keyId())
                .sign(key.privateKey());
        return new AccessToken(token, settings.accessTokenLifetime().toSeconds());
    }
}
