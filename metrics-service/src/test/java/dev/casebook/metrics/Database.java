package dev.casebook.metrics;

import dev.casebook.testing.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Looks into the metrics schema directly, where a test must see what the API does not show. */
final class Database {

    private Database() {
    }

    static long count(String sql, Object... parameters) {
        return Rows.count(dataSource(), sql, parameters);
    }

    static List<String> strings(String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static void execute(String sql, Object... parameters) {
        Rows.update(dataSource(), sql, parameters);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}
