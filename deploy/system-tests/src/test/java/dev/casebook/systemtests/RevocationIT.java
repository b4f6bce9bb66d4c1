package dev.casebook.systemtests;

import dev.casebook.devstack.CasebookServices.Service;
import dev.casebook.devstack.ServiceProcess;
import dev.casebook.testing.Accounts;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Taking access away works at once, not when the token expires, in the gateway and in every service behind it (the
 * services are also asked directly, as something inside the cluster could), and still after a service restarts.
 */
@ExtendWith(RunningCasebook.class)
class RevocationIT {

    // A change takes well under a second to reach every verifier; the margin is for a loaded machine.
    private static final Duration SOON = Duration.ofSeconds(20);
    private static final Duration READY = Duration.ofMinutes(3);

    @Test
    void aDisabledAdminsOldTokenCanNeitherEnableHimselfNorCreateAUserNorWriteACaseStudy() {
        Accounts.Tokens mallory = RunningCasebook.newUser("admin");
        String id = idOf(mallory);
        mallory.request().get("/api/auth/users").then().statusCode(200);

        RunningCasebook.admin().request().post("/api/auth/users/" + id + "/disable").then().statusCode(200);
        Instant disabled = Instant.now();

        // Polled with a read: polling the writes below could let one through before the change arrives.
        await().atMost(SOON).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertProblem(mallory.request().get("/api/auth/users").then(), 401));
        System.out.println("RevocationIT: the gateway refused the disabled admin's token "
                + Duration.between(disabled, Instant.now()).toMillis() + " ms after the disabling was answered");
        assertProblem(mallory.request().post("/api/auth/users/" + id + "/enable").then(), 401);
        assertProblem(mallory.request().contentType(ContentType.JSON)
                .body(Map.of("username", "accomplice-" + UUID.randomUUID().toString().substring(0, 8),
                        "password", "a long enough password", "roles", List.of("admin")))
                .post("/api/auth/users").then(), 401);
        assertProblem(newCaseStudy(mallory.request()).post("/api/case-studies").then(), 401);
        RunningCasebook.admin().request().get("/api/auth/users/" + id).then().statusCode(200).body("enabled", equalTo(false));

        // Each service refuses it too, asked directly, not only the gateway in front of them.
        await().atMost(SOON).untilAsserted(() -> assertProblem(direct(Service.AUTH, mallory).get("/api/auth/users").then(), 401));
        await().atMost(SOON).untilAsserted(() ->
                assertProblem(newCaseStudy(direct(Service.CASESTUDY, mallory)).post("/api/case-studies").then(), 401));
        await().atMost(SOON).untilAsserted(() -> assertProblem(direct(Service.METRICS, mallory).contentType(ContentType.JSON)
                .body("{\"rows\": []}").put("/api/metrics/case-studies/" + UUID.randomUUID()).then(), 401));
    }

    @Test
    void aDemotedEditorsOldTokenCanNoLongerPublish() {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        Accounts.Tokens editor = RunningCasebook.newUser("editor");
        String caseStudy = newCaseStudy(author.request()).post("/api/case-studies").then().statusCode(201).extract().path("id");
        author.request().post("/api/case-studies/" + caseStudy + "/submit").then().statusCode(200);

        RunningCasebook.admin().request().contentType(ContentType.JSON).body(Map.of("roles", List.of("author")))
                .put("/api/auth/users/" + idOf(editor) + "/roles").then().statusCode(200);

        await().atMost(SOON).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertProblem(editor.request().get("/api/case-studies/" + caseStudy + "/revisions").then(), 401));
        assertProblem(editor.request().post("/api/case-studies/" + caseStudy + "/publish").then(), 401);
        assertProblem(direct(Service.CASESTUDY, editor).post("/api/case-studies/" + caseStudy + "/publish").then(), 401);
        author.request().get("/api/case-studies/" + caseStudy).then().statusCode(200).body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void loggingOutEverywhereEndsTheTokensOfEveryDevice() {
        Accounts.Tokens author = RunningCasebook.newUser("author");
        author.request().get("/api/auth/me").then().statusCode(200);

        author.request().post("/api/auth/logout-everywhere").then().statusCode(204);

        await().atMost(SOON).untilAsserted(() -> assertProblem(author.request().get("/api/auth/me").then(), 401));
        assertProblem(newCaseStudy(author.request()).post("/api/case-studies").then(), 401);
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("refreshToken", author.refreshToken()))
                .post("/api/auth/refresh").then(), 401);
    }

    @Test
    void aServiceThatRestartsStillRefusesWhatWasRevokedBefore() throws Exception {
        Accounts.Tokens editor = RunningCasebook.newUser("editor");
        RunningCasebook.admin().request().post("/api/auth/users/" + idOf(editor) + "/disable").then().statusCode(200);
        await().atMost(SOON).untilAsserted(() ->
                assertProblem(newCaseStudy(direct(Service.CASESTUDY, editor)).post("/api/case-studies").then(), 401));

        ServiceProcess casestudy = RunningCasebook.services().get(Service.CASESTUDY);
        casestudy.stop();
        casestudy.start();
        casestudy.awaitReady(READY);

        // Ready means it has read the access changes again: no wait here.
        assertProblem(newCaseStudy(direct(Service.CASESTUDY, editor)).post("/api/case-studies").then(), 401);
        newCaseStudy(direct(Service.CASESTUDY, RunningCasebook.newUser("editor"))).post("/api/case-studies").then().statusCode(201);
    }

    private static String idOf(Accounts.Tokens user) {
        return user.request().get("/api/auth/me").then().statusCode(200).extract().path("id");
    }

    private static RequestSpecification newCaseStudy(RequestSpecification who) {
        return who.contentType(ContentType.JSON)
                .body(Map.of("title", "Revoked " + UUID.randomUUID().toString().substring(0, 8), "summary", "Who may still write."));
    }

    /** A request straight to {@code service}, past the gateway. */
    private static RequestSpecification direct(Service service, Accounts.Tokens who) {
        return given().baseUri(RunningCasebook.services().get(service).url()).auth().oauth2(who.accessToken());
    }
}
