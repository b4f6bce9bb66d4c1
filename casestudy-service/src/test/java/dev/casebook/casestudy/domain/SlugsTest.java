package dev.casebook.casestudy.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A case study's slug is made from its title: readable, URL-safe, and never longer than a slug may be. */
class SlugsTest {

    @Test
    void aTitleBecomesLowercaseWordsJoinedByHyphens() {
        assertEquals("checkout-rewrite-at-acme", Slugs.fromTitle("Checkout Rewrite at ACME"));
        assertEquals("kafka-postgresql-2024", Slugs.fromTitle("Kafka & PostgreSQL -- 2024!"));
    }

    @Test
    void accentsAreDroppedFromTheirLetters() {
        assertEquals("cafe-creme-migration", Slugs.fromTitle("Café Crème Migration"));
    }

    @Test
    void nothingLeadsOrTrailsTheWords() {
        assertEquals("edge-cases", Slugs.fromTitle("  ...Edge cases?!  "));
    }

    @Test
    void aTitleWithoutLettersOrDigitsIsACaseStudy() {
        assertEquals("case-study", Slugs.fromTitle("¿!?"));
        assertEquals("case-study", Slugs.fromTitle("漢字"));
    }

    @Test
    void aLongTitleIsCutToTheLongestSlugWithoutATrailingHyphen() {
        String slug = Slugs.fromTitle("a".repeat(Slugs.MAX_LENGTH - 1) + " b");
        assertEquals("a".repeat(Slugs.MAX_LENGTH - 1), slug);
        assertEquals(Slugs.MAX_LENGTH, Slugs.fromTitle("x".repeat(Slugs.MAX_LENGTH + 50)).length());
    }

    @Test
    void everySlugItMakesIsValid() {
        for (String title : new String[] {"Checkout Rewrite", "Café", "¿!?", "a".repeat(300), "--a--b--"}) {
            assertTrue(Slugs.VALID.matcher(Slugs.fromTitle(title)).matches(), title);
        }
    }

    @Test
    void aUuidNamesACaseStudyByIdAndAnythingElseBySlug() {
        UUID id = UUID.randomUUID();
        assertEquals(Optional.of(id), Slugs.asUuid(id.toString()));
        assertFalse(Slugs.asUuid("checkout-rewrite").isPresent());
        assertFalse(Slugs.asUuid("1-2-3-4-5").isPresent(), "UUID.fromString accepts this; a slug it is");
        assertFalse(Slugs.asUuid("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz").isPresent());
    }

    @Test
    void aNumberedSlugIsOfTheFamilyOfItsBase() {
        assertEquals("checkout", Slugs.family("checkout"));
        assertEquals("checkout", Slugs.family("checkout-2"));
        assertEquals("checkout", Slugs.family("checkout-117"));
        assertEquals("kafka-2024", Slugs.family("kafka-2024-3"));
        assertEquals("2024", Slugs.family("2024"));
        assertEquals("v2", Slugs.family("v2"));
    }
}
