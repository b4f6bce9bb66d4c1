package dev.casebook.platform.idempotency;

import dev.casebook.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdempotencyKeyTest {

    @Test
    void aKeyIsOneTo255VisibleAsciiCharacters() {
        assertEquals(Optional.empty(), IdempotencyKey.of(null));
        assertEquals(Optional.empty(), IdempotencyKey.of(List.of()));
        assertEquals(Optional.of("8e03978e-40d5-43e8-bc93-6894a57f9324"), IdempotencyKey.of(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")));
        // As the draft writes it, a quoted string: the quotes are part of the key.
        assertEquals(Optional.of("\"abc\""), IdempotencyKey.of(List.of("\"abc\"")));
        assertEquals(Optional.of("~".repeat(255)), IdempotencyKey.of(List.of("~".repeat(255))));
    }

    @Test
    void anythingElseIsA400() {
        for (String bad : List.of("", " ", "a b", "tab\there", "k".repeat(256), "caf\u00e9", "line\nbreak", "\u007f")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> IdempotencyKey.of(List.of(bad)), bad);
            assertEquals(400, problem.status());
        }
        assertEquals(400, assertThrows(ProblemException.class, () -> IdempotencyKey.of(List.of("a", "b"))).status());
    }
}
