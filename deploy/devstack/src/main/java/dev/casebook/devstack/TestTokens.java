package dev.casebook.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Access tokens for tests of services other than auth-service, signed with the test run's key exactly
 * as auth-service signs them (RS256, kid = the key's thumbprint, Casebook's issuer and audience), so a
 * service under test verifies them like real ones without an auth-service running.
 */
public final class TestTokens {

    public static final String ISSUER = "https://casebook.dev";
    /** The {@code aud} auth-service writes (platform's {@code casebook.jwt.audience}). */
    public static final String AUDIENCE = "casebook";
    private static final Pattern KID = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\"");

    private final PrivateKey key;
    private final String kid;
    private final String audience;
    private final Long accessVersion;

    private TestTokens(PrivateKey key, String kid, String audience, Long accessVersion) {
        this.key = key;
        this.kid = kid;
        this.audience = audience;
        this.accessVersion = accessVersion;
    }

    /** Reads the pair named by the {@code CASEBOOK_JWT_PRIVATE_KEY_FILE} and {@code CASEBOOK_JWKS_FILE} settings. */
    public static TestTokens from(String privateKeyFile, String jwksFile) {
        try {
            String pem = Files.readString(Path.of(privateKeyFile))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            Matcher kid = KID.matcher(Files.readString(Path.of(jwksFile)));
            if (!kid.find()) {
                throw new IllegalArgumentException(jwksFile + " has no kid");
            }
            return new TestTokens(key, kid.group(1), AUDIENCE, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA private key: " + privateKeyFile, e);
        }
    }

    public String keyId() {
        return kid;
    }

    /** The same key signing tokens for another audience, or with no {@code aud} at all for null: tokens to refuse. */
    public TestTokens withAudience(String audience) {
        return new TestTokens(key, kid, audience, accessVersion);
    }

    /**
     * Tokens carrying the {@code access_version} claim auth-service writes (platform's {@code AccessVersions}); without
     * it a token counts as issued at version 0.
     */
    public TestTokens atAccessVersion(long version) {
        return new TestTokens(key, kid, audience, version);
    }

    /** A token valid for 15 minutes for the user {@code userId} named {@code username} holding {@code roles}. */
    public String forUser(String userId, String username, String... roles) {
        Instant now = Instant.now();
        return sign(userId, username, List.of(roles), now, now.plus(Duration.ofMinutes(15)));
    }

    public String sign(String userId, String username, List<String> roles, Instant issuedAt, Instant expiresAt) {
        return sign(kid, ISSUER, userId, username, roles, issuedAt, expiresAt);
    }

    /** A token with any key id and issuer (and this instance's audience), for tests that check such tokens are refused. */
    public String sign(String keyId, String issuer, String userId, String username, List<String> roles, Instant issuedAt,
                       Instant expiresAt) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
        String groups = roles.stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(",", "[", "]"));
        String aud = audience == null ? "" : "\"aud\":\"" + audience + "\",";
        String claims = "{\"iss\":\"" + issuer + "\"," + aud + "\"sub\":\"" + userId + "\",\"upn\":\"" + username
                + "\",\"groups\":" + groups + ",\"iat\":" + issuedAt.getEpochSecond() + ",\"exp\":" + expiresAt.getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\""
                + (accessVersion == null ? "" : ",\"access_version\":" + accessVersion) + "}";
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64url.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
