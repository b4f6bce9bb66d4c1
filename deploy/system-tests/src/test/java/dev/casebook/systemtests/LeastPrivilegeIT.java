package dev.casebook.systemtests;

import dev.casebook.devstack.DevStack;
import dev.casebook.devstack.ServiceRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service reaches PostgreSQL as a role of its own that can read its schema only. */
@ExtendWith(RunningCasebook.class)
class LeastPrivilegeIT {

    private static Connection as(ServiceRoles.Role role) throws SQLException {
        return DriverManager.getConnection(RunningCasebook.infrastructure().database().jdbcUrl(), role.username(), role.password());
    }

    @Test
    void casestudyServicesRoleCannotReadTheUsersOfAuthService() throws Exception {
        DevStack stack = RunningCasebook.infrastructure();
        try (Connection casestudy = as(stack.roleOf("casestudy").orElseThrow()); Statement sql = casestudy.createStatement()) {
            try (ResultSet own = sql.executeQuery("SELECT count(*) FROM casestudy.case_study")) {
                assertTrue(own.next(), "its own schema is readable");
            }
            SQLException refused = assertThrows(SQLException.class, () -> sql.executeQuery("SELECT username FROM auth.users"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            assertThrows(SQLException.class, () -> sql.executeQuery("SELECT token_hash FROM auth.refresh_tokens"));
            assertThrows(SQLException.class, () -> sql.executeQuery("SELECT * FROM metrics.sample"));
        }
    }

    @Test
    void theRunningServicesAreConnectedAsTheirOwnRolesAndNotAsTheSuperuser() throws Exception {
        DevStack stack = RunningCasebook.infrastructure();
        List<String> users = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(stack.database().jdbcUrl(), stack.database().username(), stack.database().password());
             Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT usename FROM pg_stat_activity WHERE datname = 'casebook' "
                     + "AND application_name = 'PostgreSQL JDBC Driver' AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                users.add(rows.getString(1));
            }
        }
        assertThat(users, hasItems("casebook_auth", "casebook_casestudy", "casebook_metrics"));
        assertThat(users, not(hasItem(stack.database().username())));
    }
}
