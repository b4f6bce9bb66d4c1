package dev.casebook.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded PostgreSQL is 18, and a data directory an older Casebook wrote with 14 gets a clear word. */
class DatabaseVersionTest {

    private Path directory;

    @BeforeEach
    void createDirectory() throws Exception {
        directory = Files.createTempDirectory("database-version-test-");
    }

    @AfterEach
    void deleteDirectory() {
        Directories.deleteQuietly(directory);
    }

    @Test
    void theEmbeddedServerIsPostgreSql18() throws Exception {
        try (Database database = Database.embedded(directory.resolve("postgres"), 0);
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SHOW server_version_num")) {
            rows.next();
            assertEquals(Database.EMBEDDED_MAJOR_VERSION, rows.getInt(1) / 10_000);
        }
        assertEquals("18", Files.readString(directory.resolve("postgres").resolve("PG_VERSION")).trim());
    }

    @Test
    void aDataDirectoryOfPostgreSql14IsRefusedWithWhatToDoAndKept() throws Exception {
        Path old = Files.createDirectories(directory.resolve("postgres"));
        Files.writeString(old.resolve("PG_VERSION"), "14\n");
        Files.writeString(old.resolve("postgresql.conf"), "# written by PostgreSQL 14\n");

        IOException refused = assertThrows(IOException.class, () -> Database.embedded(old, 0));

        assertTrue(refused.getMessage().contains("are PostgreSQL 14's, and Casebook now runs PostgreSQL 18, which cannot open them"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("deploy/run-local.sh --clean"), refused.getMessage());
        assertEquals("14", Files.readString(old.resolve("PG_VERSION")).trim(), "the old files are left as they were");
        assertTrue(Files.exists(old.resolve("postgresql.conf")));
    }
}
