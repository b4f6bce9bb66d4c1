package dev.casebook.platform.database;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CASEBOOK_DB_MIGRATION as a Kubernetes manifest writes it, and a typo refused at start rather than taken as migrate. */
class MigrationModeTest {

    @Test
    void theThreeModesByTheirNames() {
        assertEquals(MigrationMode.MIGRATE, MigrationMode.of("migrate"));
        assertEquals(MigrationMode.MIGRATE_AND_EXIT, MigrationMode.of("migrate-and-exit"));
        assertEquals(MigrationMode.VALIDATE, MigrationMode.of(" Validate "));
    }

    @Test
    void anythingElseIsRefusedNamingTheChoices() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> MigrationMode.of("migrate_and_exit"));
        assertTrue(refused.getMessage().contains("CASEBOOK_DB_MIGRATION"), refused.getMessage());
        assertTrue(refused.getMessage().contains("migrate, migrate-and-exit, validate"), refused.getMessage());
    }
}
