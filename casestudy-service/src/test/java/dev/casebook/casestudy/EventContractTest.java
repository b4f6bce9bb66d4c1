package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class EventContractTest {

    @Test
    void theTopicIsDescribedWithEveryEventTypeAndItsPayloadSchema() {
        People.anonymous().get("/api/case-studies/asyncapi").then()
                .statusCode(200)
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.caseStudyEvents.address", equalTo("casestudy.events"))
                .body("components.messages.published.name", equalTo("dev.casebook.casestudy.published.v1"))
                .body("components.messages.published.payload.$ref", equalTo("#/components/schemas/PublishedCaseStudy"))
                .body("components.messages.'changes-requested'.name", equalTo("dev.casebook.casestudy.changes-requested.v1"))
                .body("components.schemas.CaseStudyChange.properties.keySet()", hasItems("id", "slug", "status", "version", "authorId", "changed"))
                .body("components.schemas.PublishedCaseStudy.properties.keySet()", hasItems("id", "title", "summary", "techStack", "challenges", "lessons"))
                .body("components.schemas.PublishedCaseStudy.properties.title.maxLength", equalTo(200))
                .body("components.schemas.PublishedCaseStudy.properties.status.enum", hasItems("PUBLISHED"))
                .body("components.schemas.PublishedCaseStudy.properties.techStack.properties.backend.type", equalTo("array"))
                .body("components.schemas.PublishedCaseStudy.required", hasItems("title", "summary"));
    }

    @Test
    void aCaseStudyCannotTakeTheNameOfAnApiPath() {
        People.alice().contentType("application/json").body("{\"title\": \"x\", \"slug\": \"asyncapi\", \"summary\": \"s\"}")
                .post("/api/case-studies").then()
                .statusCode(400).body("errors[0].field", equalTo("slug"));
        People.alice().contentType("application/json").body(Documents.minimal("Template"))
                .post("/api/case-studies").then()
                .statusCode(201).body("slug", org.hamcrest.Matchers.startsWith("template-"));
    }
}
