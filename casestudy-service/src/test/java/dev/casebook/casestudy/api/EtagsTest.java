package dev.casebook.casestudy.api;

import dev.casebook.casestudy.domain.CaseStudy;
import dev.casebook.casestudy.domain.MetricsTable;
import dev.casebook.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A case study's tag names its version and its metrics table's version, per representation. */
class EtagsTest {

    private static CaseStudy atVersion(long version) {
        CaseStudy caseStudy = new CaseStudy();
        caseStudy.version = version;
        return caseStudy;
    }

    private static Optional<MetricsTable> metricsAtVersion(long version) {
        MetricsTable table = new MetricsTable();
        table.updatedAt = Instant.parse("9999-12-31T23:59:59Z");
        table.version = version;
        return Optional.of(table);
    }

    @Test
    void aCaseStudyWithoutMetricsIsTaggedByItsVersion() {
        assertEquals("3", Etags.json(atVersion(3), Optional.empty()).getValue());
        assertFalse(Etags.json(atVersion(3), Optional.empty()).isWeak());
    }

    @Test
    void itsMetricsTableAddsItsVersionNotItsDate() {
        assertEquals("3.42", Etags.json(atVersion(3), metricsAtVersion(42)).getValue());
    }

    @Test
    void newMetricsChangeTheTagWithoutANewVersion() {
        assertNotEquals(Etags.json(atVersion(3), metricsAtVersion(1)), Etags.json(atVersion(3), metricsAtVersion(2)));
    }

    @Test
    void markdownHasATagOfItsOwnWithAndWithoutFrontMatter() {
        assertEquals("3-md", Etags.markdown(atVersion(3), Optional.empty(), false).getValue());
        assertEquals("3-md-fm", Etags.markdown(atVersion(3), Optional.empty(), true).getValue());
        assertEquals("3.1-md", Etags.markdown(atVersion(3), metricsAtVersion(1), false).getValue());
    }

    @Test
    void ifMatchNamesTheVersionOfAnyOfItsTags() {
        assertEquals(3L, Etags.expectedVersion("\"3\""));
        assertEquals(3L, Etags.expectedVersion("\"3.abcdef\""));
        assertEquals(3L, Etags.expectedVersion("\"3-md-fm\""));
        assertEquals(12L, Etags.expectedVersion(" W/\"12.1-md\" "));
        assertEquals(7L, Etags.expectedVersion("7"));
    }

    @Test
    void ifMatchAnyVersionIsNoVersion() {
        assertNull(Etags.expectedVersion("*"));
        assertNull(Etags.expectedVersion(" * "));
    }

    @Test
    void aWriteWithoutIfMatchIsRefusedAsAPreconditionRequired() {
        for (String missing : new String[] {null, "", "  "}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> Etags.expectedVersion(missing));
            assertEquals(428, problem.status());
            assertEquals("Send If-Match with the ETag you read, so that no one else's change is overwritten", problem.getMessage());
        }
    }

    @Test
    void anIfMatchThatIsNoTagOfACaseStudyFailsThePrecondition() {
        ProblemException problem = assertThrows(ProblemException.class, () -> Etags.expectedVersion("\"abc\""));
        assertEquals(412, problem.status());
        assertEquals("If-Match \"abc\" is not an ETag of this case study", problem.getMessage());
        assertEquals(412, assertThrows(ProblemException.class, () -> Etags.expectedVersion("W/\"\"")).status());
    }
}
