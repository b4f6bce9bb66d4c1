package dev.casebook.casestudy.api;

import dev.casebook.platform.problem.Problem;
import dev.casebook.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An empty body is refused before the importer reads anything, so it needs no importer, desk, caller or meters. */
class ImportResourceTest {

    private final ImportResource resource = new ImportResource(null, null, null, null, null);

    @Test
    void anEmptyBodyIsABadRequestThatPointsToTheTemplate() {
        for (String empty : new String[] {null, "", " \n\t "}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> resource.importMarkdown(empty));
            Problem problem = refused.toProblem("/api/case-studies/import", "test");
            assertEquals(400, problem.status());
            assertEquals("The body is empty; send a case study written in the template (GET /api/case-studies/template)",
                    problem.detail());
            // no section or line: there is no document to point into
            assertFalse(problem.properties().containsKey("section"));
            assertFalse(problem.properties().containsKey("line"));
        }
    }
}
