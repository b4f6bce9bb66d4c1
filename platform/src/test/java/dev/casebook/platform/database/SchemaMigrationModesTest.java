package dev.casebook.platform.database;

import dev.casebook.devstack.Database;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Deployment's pods only validate (CASEBOOK_DB_MIGRATION=validate): not ready while the release's migration Job
 * has not run, ready once it has, still ready on a schema a newer release migrated (a rollback), and never ready on a
 * schema whose applied migrations were changed. Real PostgreSQL, two "releases" of migrations.
 */
class SchemaMigrationModesTest {

    private static Database database;

    @BeforeAll
    static void start() throws Exception {
        database = Database.embedded(Files.createTempDirectory("schema-modes-"), 0);
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void aValidatingPodWaitsForTheJobThenServesAndKeepsServingAfterANewerRelease() {
        String schema = "modes_rollback";
        SchemaMigrations release2Pod = migrations(schema, MigrationMode.VALIDATE, "release1", "release2");
        release2Pod.migrateAtStart(null);
        HealthCheckResponse waiting = release2Pod.call();
        assertEquals(HealthCheckResponse.Status.DOWN, waiting.getStatus());
        assertTrue(reason(waiting).contains("lacks 2 migration(s)") && reason(waiting).contains("migrate-and-exit"), reason(waiting));

        migrations(schema, MigrationMode.MIGRATE, "release1", "release2").migrateAtStart(null); // the Job's work
        release2Pod.retry();
        assertEquals(HealthCheckResponse.Status.UP, release2Pod.call().getStatus());
        assertEquals("2", release2Pod.call().getData().orElseThrow().get("version"));

        SchemaMigrations release1Pod = migrations(schema, MigrationMode.VALIDATE, "release1");
        release1Pod.migrateAtStart(null);
        assertEquals(HealthCheckResponse.Status.UP, release1Pod.call().getStatus(), "a rollback runs on the newer schema");
    }

    @Test
    void aSchemaWhoseAppliedMigrationChangedIsNeverReady() {
        String schema = "modes_tampered";
        migrations(schema, MigrationMode.MIGRATE, "release1").migrateAtStart(null);
        SchemaMigrations pod = migrations(schema, MigrationMode.VALIDATE, "tampered");
        pod.migrateAtStart(null);
        HealthCheckResponse broken = pod.call();
        assertEquals(HealthCheckResponse.Status.DOWN, broken.getStatus());
        assertTrue(reason(broken).contains("does not validate"), reason(broken));
        pod.retry();
        assertEquals(HealthCheckResponse.Status.DOWN, pod.call().getStatus(), "and it does not try again");
    }

    private static SchemaMigrations migrations(String schema, MigrationMode mode, String... releases) {
        String[] locations = new String[releases.length];
        for (int i = 0; i < releases.length; i++) {
            locations[i] = "classpath:db/modes-test/" + releases[i];
        }
        Flyway flyway = Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .schemas(schema).locations(locations).load();
        return new SchemaMigrations(flyway, database.jdbcUrl(), mode);
    }

    private static String reason(HealthCheckResponse response) {
        return String.valueOf(response.getData().orElseThrow().get("reason"));
    }
}
