package dev.casebook.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A look at a service's schema where a test must see what its API does not show: one query, its parameters bound. */
public final class Rows {

    private Rows() {
    }

    /** The single number {@code sql} (a {@code count(*)}) answers. */
    public static long count(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs {@code sql}; how many rows it changed. */
    public static int update(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
