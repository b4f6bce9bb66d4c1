package dev.casebook.auth;

import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Every way of getting a token wrong ends in the same 401 problem with a bearer challenge. */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class TokenAttackTest {

    private static final String PROTECTED = "/api/auth/users";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** An admin's claims as auth-service would issue them; each attack changes one thing. */
    private static JwtClaimsBuilder adminClaims() {
        Instant now = Instant.now();
        return Jwt.issuer("https://casebook.dev").audience("casebook").subject("00000000-0000-0000-0000-000000000001").upn("admin")
                .groups(Set.of("admin")).issuedAt(now).expiresAt(now.plusSeconds(600));
    }

    private static String signed(JwtClaimsBuilder claims, String kid, PrivateKey key) {
        return claims.jws().keyId(kid).sign(key);
    }

    private static ValidatableResponse refused(String token) {
        return assertProblem(given().auth().oauth2(token).get(PROTECTED).then(), 401, "unauthorized")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("instance", equalTo(PROTECTED));
    }

    /** header.claims.signature by hand, for tokens no JWT library would make. */
    private static String compact(String headerJson, String claimsJson, byte[] signature) {
        return BASE64URL.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(signature);
    }

    private static String claimsJson() {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"https://casebook.dev\",\"aud\":\"casebook\",\"sub\":\"00000000-0000-0000-0000-000000000001\",\"upn\":\"admin\","
                + "\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"jti\":\"forged\"}";
    }

    @Test
    void theGenuineArticleIsAccepted() {
        // The control: the forged tokens below differ from this one in one way each.
        given().auth().oauth2(signed(adminClaims(), Auth.jwksFileKid(), Auth.signingKey())).get(PROTECTED).then().statusCode(200);
    }

    @Test
    void noToken() {
        assertProblem(given().get(PROTECTED).then(), 401, "unauthorized").header("WWW-Authenticate", "Bearer");
    }

    @Test
    void garbageToken() {
        refused("garbage");
        refused("a.b.c");
        refused("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln");
    }

    @Test
    void expiredToken() {
        Instant longAgo = Instant.now().minusSeconds(3600);
        refused(signed(adminClaims().issuedAt(longAgo).expiresAt(longAgo.plusSeconds(900)), Auth.jwksFileKid(), Auth.signingKey()));
    }

    @Test
    void tokenSignedByAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(signed(adminClaims(), Auth.jwksFileKid(), generator.generateKeyPair().getPrivate()));
    }

    @Test
    void unsignedTokenWithAlgNone() {
        refused(compact("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + Auth.jwksFileKid() + "\"}", claimsJson(), new byte[0]));
        refused(compact("{\"alg\":\"none\",\"typ\":\"JWT\"}", claimsJson(), new byte[0]));
    }

    @Test
    void hs256TokenWhoseSecretIsThePublicKey() throws Exception {
        // The classic confusion: a verifier that took the algorithm from the token would check this HMAC with the public key.
        for (byte[] secret : new byte[][] {
                Auth.fileText("CASEBOOK_JWT_PUBLIC_KEY_FILE").getBytes(StandardCharsets.US_ASCII),
                Auth.fileText("CASEBOOK_JWKS_FILE").getBytes(StandardCharsets.UTF_8)}) {
            String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + Auth.jwksFileKid() + "\"}";
            String unsigned = BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + BASE64URL.encodeToString(claimsJson().getBytes(StandardCharsets.UTF_8));
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            refused(unsigned + "." + BASE64URL.encodeToString(hmac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    @Test
    void tokenFromAnotherIssuer() {
        refused(signed(adminClaims().issuer("https://attacker.example"), Auth.jwksFileKid(), Auth.signingKey()));
    }

    @Test
    void tokenWithoutAnAudience() {
        refused(signed(adminClaims().remove("aud"), Auth.jwksFileKid(), Auth.signingKey()));
    }

    @Test
    void tokenForAnotherAudience() {
        // Casebook's key and issuer, but meant for another system that trusts them.
        refused(signed(adminClaims().audience("reporting"), Auth.jwksFileKid(), Auth.signingKey()));
        refused(signed(adminClaims().audience(Set.of("reporting", "billing")), Auth.jwksFileKid(), Auth.signingKey()));
    }

    @Test
    void tokenWithAnUnknownKeyId() {
        refused(signed(adminClaims(), "not-a-key-casebook-knows", Auth.signingKey()));
    }

    @Test
    void tamperedClaims() {
        String genuine = signed(adminClaims().groups(Set.of("viewer")), Auth.jwksFileKid(), Auth.signingKey());
        String[] parts = genuine.split("\\.");
        String promoted = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("viewer", "admin");
        refused(parts[0] + "." + BASE64URL.encodeToString(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }
}
