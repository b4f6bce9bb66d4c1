package dev.casebook.casestudy;

import dev.casebook.testing.People;
import dev.casebook.devstack.CasebookInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.hamcrest.Matchers.equalTo;

/**
 * The service checks a token's audience itself (mp.jwt.verify.audiences, platform's casebook.jwt.audience), not only
 * the gateway: a token of Casebook's key and issuer without Casebook's audience is no token of Casebook's.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class TokenAudienceTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"reporting", "casebook-admin"})
    void aTokenWithoutCasebooksAudienceIsRefusedWhereATokenIsNeeded(String audience) {
        // The control: the same author with a token for Casebook starts a case study.
        CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Audience")));

        People.aliceFor(audience).contentType(ContentType.JSON).body(Documents.minimal(Documents.uniqueTitle("Refused")))
                .post("/api/case-studies").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("status", equalTo(401));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "reporting")
    void onAPublicReadSuchATokenIsRefusedRatherThanShowingTheDraft(String audience) {
        String id = CaseStudyApiTest.create(People.alice(), Documents.minimal(Documents.uniqueTitle("Own draft"))).path("id");
        People.alice().get("/api/case-studies/" + id).then().statusCode(200);
        People.aliceFor(audience).get("/api/case-studies/" + id).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
}
