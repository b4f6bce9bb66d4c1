package dev.casebook.devstack;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Least privilege in PostgreSQL: each service connects as a role of its own that owns its schema and nothing else,
 * so casestudy-service cannot read {@code auth.users}. The roles are made here, as the database's superuser, with
 * a fresh password at every start (nothing to keep anywhere); an external database needs the same made once by
 * its administrator (see the README).
 */
public final class ServiceRoles {

    /** A login role and its password. */
    public record Role(String username, String password) {
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServiceRoles() {
    }

    /** The role of the service whose schema is {@code schema}: {@code casebook_<schema>}. */
    public static String roleOf(String schema) {
        return "casebook_" + schema;
    }

    /**
     * Makes (or keeps) one login role per schema, owning it and what earlier runs created in it as the superuser,
     * and takes from everyone the right to create in {@code public}.
     */
    static Map<String, Role> make(String jdbcUrl, String superuser, String superuserPassword, List<String> schemas)
            throws SQLException {
        Map<String, Role> roles = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, superuser, superuserPassword);
             Statement sql = connection.createStatement()) {
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            for (String schema : schemas) {
                if (!NAME.matcher(schema).matches()) {
                    throw new IllegalArgumentException("Not a schema name: " + schema);
                }
                String role = roleOf(schema);
                String password = password();
                if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    sql.execute("CREATE ROLE " + role + " LOGIN");
                }
                sql.execute("ALTER ROLE " + role + " LOGIN PASSWORD '" + password + "'");
                sql.execute("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + role);
                sql.execute("ALTER SCHEMA " + schema + " OWNER TO " + role);
                // A data directory from before the roles: its tables were made by the superuser.
                for (String table : tablesOf(connection, schema)) {
                    sql.execute("ALTER TABLE " + schema + ".\"" + table + "\" OWNER TO " + role);
                }
                roles.put(schema, new Role(role, password));
            }
        }
        return roles;
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<String> tablesOf(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = ? AND tableowner <> ?")) {
            statement.setString(1, schema);
            statement.setString(2, roleOf(schema));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    // Letters and digits only: it goes into SQL and environment variables as it is.
    private static String password() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
