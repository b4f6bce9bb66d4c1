package dev.casebook.casestudy;

import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.testing.AtOnce;
import dev.casebook.testing.People;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.casebook.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Case studies created at the same moment with one title, or asking for one slug, get what a client would expect
 * one at a time: slugs of their own, or one 201 and 409s; never a 500 from the unique index.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class ConcurrentCreatesTest {

    private static final int AT_ONCE = 8;

    @Test
    void createsAtOnceWithOneTitleGetSlugsOfTheirOwn() throws Exception {
        String title = Documents.uniqueTitle("Race for a slug");
        List<Response> answers = AtOnce.send(AT_ONCE, () -> People.alice().contentType(ContentType.JSON)
                .body(Documents.minimal(title)).post("/api/case-studies"));

        answers.forEach(answer -> answer.then().statusCode(201));
        Set<String> slugs = answers.stream().map(answer -> answer.<String>path("slug")).collect(Collectors.toSet());
        assertEquals(AT_ONCE, slugs.size(), () -> "slugs: " + slugs);
    }

    @Test
    void ofCreatesAtOnceAskingForOneSlugOneGetsItAndTheOthersAConflict() throws Exception {
        String slug = Documents.uniqueTitle("wanted").toLowerCase().replaceAll("[^a-z0-9]+", "-");
        List<Response> answers = AtOnce.send(AT_ONCE, () -> People.alice().contentType(ContentType.JSON)
                .body("{\"title\": \"Wanted\", \"slug\": \"" + slug + "\", \"summary\": \"Only one gets it.\"}")
                .post("/api/case-studies"));

        assertEquals(1, answers.stream().filter(answer -> answer.statusCode() == 201).count(),
                () -> "statuses: " + answers.stream().map(Response::statusCode).toList());
        answers.stream().filter(answer -> answer.statusCode() != 201)
                .forEach(answer -> assertProblem(answer.then(), 409, "conflict"));
    }

}
