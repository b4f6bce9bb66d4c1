package dev.casebook.casestudy.domain;

import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.casestudy.contract.CaseStudyDocument.Client;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A revision names the sections an edit touched, as a client names them in JSON. */
class DocumentChangesTest {

    private static CaseStudyDocument written(String title, Client client, String summary, List<String> tags) {
        return new CaseStudyDocument(title, null, client, summary, null, null, null, null, null, null, null, null, null, tags,
                null, null, null);
    }

    private static final CaseStudyDocument CHECKOUT = written("Checkout rewrite", new Client("Acme", "Retail"),
            "Checkout fell over every Black Friday.", List.of("java"));

    @Test
    void theSectionsAreTheDocumentsFieldsInTheirOrder() {
        assertEquals(List.of("title", "slug", "client", "summary", "challenge", "architecture", "techStack", "components",
                "challenges", "codeExample", "deployment", "results", "lessons", "tags", "implementation", "performance",
                "challengesOverview"), DocumentChanges.sections());
    }

    @Test
    void anEqualDocumentChangesNothing() {
        CaseStudyDocument same = written("Checkout rewrite", new Client("Acme", "Retail"),
                "Checkout fell over every Black Friday.", List.of("java"));
        assertEquals(List.of(), DocumentChanges.between(CHECKOUT, same));
    }

    @Test
    void eachChangedSectionIsNamedOnceInTheDocumentsOrder() {
        CaseStudyDocument edited = written("Checkout, rewritten", new Client("Acme", "Retail"),
                "Checkout holds on Black Friday now.", List.of("java", "kafka"));
        assertEquals(List.of("title", "summary", "tags"), DocumentChanges.between(CHECKOUT, edited));
    }

    @Test
    void aChangeInsideASectionChangesTheWholeSection() {
        CaseStudyDocument otherIndustry = written("Checkout rewrite", new Client("Acme", "E-commerce"),
                "Checkout fell over every Black Friday.", List.of("java"));
        assertEquals(List.of("client"), DocumentChanges.between(CHECKOUT, otherIndustry));
    }

    @Test
    void aSectionAddedOrRemovedIsAChange() {
        CaseStudyDocument withoutClient = written("Checkout rewrite", null, "Checkout fell over every Black Friday.", List.of("java"));
        assertEquals(List.of("client"), DocumentChanges.between(CHECKOUT, withoutClient));
        assertEquals(List.of("client"), DocumentChanges.between(withoutClient, CHECKOUT));
    }
}
