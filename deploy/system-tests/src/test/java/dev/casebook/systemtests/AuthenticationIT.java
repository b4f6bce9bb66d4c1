package dev.casebook.systemtests;

import dev.casebook.devstack.CasebookServices.Service;
import dev.casebook.devstack.SigningKeys;
import dev.casebook.devstack.TestTokens;
import dev.casebook.testing.Accounts;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A new user's first day, through the gateway only: the admin creates them, they log in and out. */
@ExtendWith(RunningCasebook.class)
class AuthenticationIT {

    @Test
    void theAdminCreatesAnAuthorWhoLogsInRefreshesAndLogsOut() {
        Accounts.Tokens admin = RunningCasebook.admin();
        String username = "author-" + UUID.randomUUID().toString().substring(0, 8);
        admin.request().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "a long enough password", "roles", List.of("author")))
                .post("/api/auth/users").then()
                .statusCode(201);

        Accounts.Tokens first = RunningCasebook.login(username, "a long enough password");
        first.request().get("/api/auth/me").then()
                .statusCode(200)
                .body("username", equalTo(username))
                .body("roles", contains("author"));

        String second = refresh(first.refreshToken()).then().statusCode(200).extract().path("refreshToken");
        String third = refresh(second).then().statusCode(200).extract().path("refreshToken");
        // the same client sending a used token again at once (another tab, a retry) gets the pair it was traded for
        refresh(second).then().statusCode(200).body("refreshToken", equalTo(third));
        // anyone else reusing an old refresh token revokes its whole family, the newest member too
        given().header("User-Agent", "someone-else/1.0").contentType(ContentType.JSON)
                .body(Map.of("refreshToken", first.refreshToken())).post("/api/auth/refresh").then()
                .statusCode(401).contentType("application/problem+json");
        refresh(third).then().statusCode(401);

        Accounts.Tokens again = RunningCasebook.login(username, "a long enough password");
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", again.refreshToken()))
                .auth().oauth2(again.accessToken())
                .post("/api/auth/logout").then().statusCode(204);
        refresh(again.refreshToken()).then().statusCode(401);
    }

    @Test
    void passwordsAndTokensNeverReachTheLogs() {
        Accounts.Tokens admin = RunningCasebook.admin();
        admin.request().get("/api/auth/me").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "wrong-" + RunningCasebook.adminPassword()))
                .post("/api/auth/login").then().statusCode(401);
        refresh(admin.refreshToken()).then().statusCode(200);
        given().auth().oauth2(admin.accessToken() + "x").get("/api/auth/me").then().statusCode(401);

        String logs = RunningCasebook.logs();
        org.junit.jupiter.api.Assertions.assertFalse(logs.isEmpty());
        for (String secret : List.of(RunningCasebook.adminPassword(), admin.accessToken(), admin.refreshToken())) {
            org.junit.jupiter.api.Assertions.assertFalse(logs.contains(secret), "a secret is in the services' logs");
        }
    }

    @Test
    void anAuthorIsNotAnAdmin() {
        RunningCasebook.newUser("author").request().get("/api/auth/users").then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        var wrong = given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "not the password"))
                .post("/api/auth/login").then().statusCode(401).extract();
        var unknown = given().contentType(ContentType.JSON).body(Map.of("username", "nobody-" + UUID.randomUUID(), "password", "whatever it is"))
                .post("/api/auth/login").then().statusCode(401).extract();
        org.junit.jupiter.api.Assertions.assertEquals(wrong.path("detail"), (Object) unknown.path("detail"));
    }

    @Test
    void aLoginWithMissingFieldsIsABadRequest() {
        assertProblem(given().contentType(ContentType.JSON).body("{\"username\": 42}").post("/api/auth/login").then(), 400);
    }

    @Test
    void everyKindOfBadTokenIsRefused() throws Exception {
        Path elsewhere = Files.createTempDirectory("other-keys-");
        SigningKeys otherKeys = SigningKeys.inDirectory(elsewhere);
        TestTokens forger = TestTokens.from(otherKeys.privateKey().toString(), otherKeys.jwks().toString());
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"https://casebook.dev\",\"aud\":\"casebook\",\"sub\":\"x\",\"upn\":\"x\",\"groups\":[\"admin\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}";
        java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
        String unsigned = url.encodeToString(header.getBytes()) + "." + url.encodeToString(claims.getBytes()) + ".";

        TestTokens genuine = RunningCasebook.tokens();
        String admin = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String expired = genuine.sign(admin, "admin", List.of("admin"), now.minusSeconds(3600), now.minusSeconds(1800));
        String wrongIssuer = genuine.sign(genuine.keyId(), "https://evil.example", admin, "admin", List.of("admin"), now, now.plusSeconds(600));
        String unknownKid = genuine.sign("no-such-key", TestTokens.ISSUER, admin, "admin", List.of("admin"), now, now.plusSeconds(600));
        String hs256 = hmacSignedWithThePublicKey(genuine.keyId(), claims);
        String noAudience = genuine.withAudience(null).forUser(admin, "admin", "admin");
        String otherAudience = genuine.withAudience("reporting").forUser(admin, "admin", "admin");

        for (String token : List.of("garbage", unsigned, forger.forUser(UUID.randomUUID().toString(), "mallory", "admin"),
                expired, wrongIssuer, unknownKid, hs256, noAudience, otherAudience)) {
            given().auth().oauth2(token).get("/api/auth/me").then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }
        given().get("/api/auth/me").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void aTokenAuthServiceIssuedNamesCasebooksAudience() {
        String claims = RunningCasebook.admin().accessToken().split("\\.")[1];
        String json = new String(java.util.Base64.getUrlDecoder().decode(claims), java.nio.charset.StandardCharsets.UTF_8);
        org.hamcrest.MatcherAssert.assertThat(json, org.hamcrest.Matchers.containsString("\"aud\":\"" + TestTokens.AUDIENCE + "\""));
    }

    @Test
    void aTokenWithoutCasebooksAudienceIsRefusedByTheGatewayAndByEveryServiceBehindIt() {
        // Casebook's own key and issuer: only the audience is wrong, or missing.
        TestTokens genuine = RunningCasebook.tokens();
        String admin = UUID.randomUUID().toString();
        String someone = UUID.randomUUID().toString();
        Map<String, String> protectedRoutes = Map.of(
                RunningCasebook.services().gatewayUrl(), "/api/auth/users",
                RunningCasebook.services().get(Service.AUTH).url(), "/api/auth/users",
                RunningCasebook.services().get(Service.CASESTUDY).url(), "/api/case-studies/" + someone + "/revisions",
                RunningCasebook.services().get(Service.METRICS).url(), "/api/metrics/case-studies/" + someone + "/derive");
        protectedRoutes.forEach((base, path) -> {
            // The control: the same token for Casebook passes authentication (an unknown case study is not a 401).
            callAs(genuine.forUser(admin, "admin", "admin"), base, path).then()
                    .statusCode(org.hamcrest.Matchers.not(401));
            for (TestTokens wrong : List.of(genuine.withAudience(null), genuine.withAudience("reporting"))) {
                callAs(wrong.forUser(admin, "admin", "admin"), base, path).then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
        });
    }

    private static io.restassured.response.Response callAs(String token, String base, String path) {
        var request = given().baseUri(base).auth().oauth2(token);
        return path.endsWith("/derive") ? request.contentType(ContentType.JSON).body("{}").post(path) : request.get(path);
    }

    @Test
    void aDisabledUserCannotRefreshOrLogIn() {
        Accounts.Tokens admin = RunningCasebook.admin();
        String username = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
        String id = admin.request().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "a long enough password", "roles", List.of("author")))
                .post("/api/auth/users").then().statusCode(201).extract().path("id");
        Accounts.Tokens leaver = RunningCasebook.login(username, "a long enough password");
        admin.request().post("/api/auth/users/" + id + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        refresh(leaver.refreshToken()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "a long enough password"))
                .post("/api/auth/login").then().statusCode(401);
    }

    /** The classic confusion attack: HS256 with the server's public key as the shared secret. */
    private static String hmacSignedWithThePublicKey(String kid, String claims) throws Exception {
        byte[] secret = Files.readAllBytes(RunningCasebook.publicKeyFile());
        java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
        String input = url.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes())
                + "." + url.encodeToString(claims.getBytes());
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + url.encodeToString(hmac.doFinal(input.getBytes()));
    }

    private static io.restassured.response.Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh");
    }
}
