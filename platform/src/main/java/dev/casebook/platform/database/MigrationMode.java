package dev.casebook.platform.database;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a process does with its schema at start ({@code casebook.database.migration}, env {@code CASEBOOK_DB_MIGRATION}).
 * Locally one process per service migrates as it starts; in Kubernetes one Job per release migrates and exits, and the
 * Deployment's pods only check that the schema is the one their build expects, so that replicas never race to migrate.
 */
public enum MigrationMode {
    /** Migrate at start, then serve (run-local.sh, the tests). */
    MIGRATE,
    /** Migrate, then stop: 0 when the schema is migrated, 1 when a migration is broken (the release's migration Job). */
    MIGRATE_AND_EXIT,
    /** Never migrate: ready once the schema has every migration of this build and validates (the Deployment's pods). */
    VALIDATE;

    /** {@code migrate}, {@code migrate-and-exit} or {@code validate}; anything else is refused at start. */
    public static MigrationMode of(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(mode -> mode.value().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("casebook.database.migration (CASEBOOK_DB_MIGRATION) is '"
                        + value + "'; it must be one of " + Arrays.stream(values()).map(MigrationMode::value)
                        .collect(Collectors.joining(", "))));
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
