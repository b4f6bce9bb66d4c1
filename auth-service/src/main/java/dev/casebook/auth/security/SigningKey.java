package dev.casebook.auth.security;

import dev.casebook.auth.config.TokenSettings;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The RSA key access tokens are signed with, read at start so that a missing or mismatched key file stops the
 * service at once instead of failing every login. The published keys are the current one and, during a
 * rotation, the previous one.
 */
@Startup
@ApplicationScoped
public class SigningKey {

    private final PrivateKey privateKey;
    private final String keyId;
    private final List<PublicKey> publishedKeys = new ArrayList<>();

    public SigningKey(TokenSettings settings) {
        this.privateKey = readPrivateKey(settings.privateKeyFile());
        PublicKey current = readPublicKey(settings.publicKeyFile());
        if (!current.equals(publicHalfOf(privateKey))) {
            throw new IllegalStateException(settings.publicKeyFile() + " is not the public key of " + settings.privateKeyFile()
                    + " (CASEBOOK_JWT_PUBLIC_KEY_FILE must belong to CASEBOOK_JWT_PRIVATE_KEY_FILE)");
        }
        this.keyId = JsonWebKeys.keyId(current);
        publishedKeys.add(current);
        settings.previousPublicKeyFile().map(SigningKey::readPublicKey)
                .filter(previous -> !previous.equals(current))
                .ifPresent(publishedKeys::add);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The {@code kid} every token carries: the RFC 7638 thumbprint of the public key. */
    public String keyId() {
        return keyId;
    }

    public List<PublicKey> publishedKeys() {
        return List.copyOf(publishedKeys);
    }

    private static PrivateKey readPrivateKey(Path file) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(file));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the token signing key (PKCS#8 PEM) from " + file, e);
        }
    }

    private static PublicKey readPublicKey(Path file) {
        try {
            return KeyUtils.decodePublicKey(Files.readString(file));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Cannot read a token verification key (X.509 PEM) from " + file, e);
        }
    }

    private static PublicKey publicHalfOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalStateException("The token signing key must be an RSA key");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
