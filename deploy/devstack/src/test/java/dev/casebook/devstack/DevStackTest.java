package dev.casebook.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevStackTest {

    private Path directory;

    @BeforeEach
    void createDirectory() throws Exception {
        directory = Files.createTempDirectory("devstack-test-");
    }

    @AfterEach
    void deleteDirectory() {
        Directories.deleteQuietly(directory);
    }

    @Test
    void dataAndTopicsSurviveARestartOfTheStack() throws Exception {
        DevStack.Settings settings = new DevStack.Settings(directory, FreePorts.next(), FreePorts.next(), true, Map.of());
        try (DevStack stack = DevStack.start(settings)) {
            try (Connection db = connect(stack); Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE kept (word text)");
                sql.execute("INSERT INTO kept VALUES ('still here')");
            }
            try (Admin admin = admin(stack)) {
                admin.createTopics(List.of(new NewTopic("kept.topic", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }

        try (DevStack stack = DevStack.start(settings)) {
            try (Connection db = connect(stack); Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT word FROM kept")) {
                assertTrue(rows.next());
                assertEquals("still here", rows.getString(1));
            }
            try (Admin admin = admin(stack)) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertTrue(topics.contains("kept.topic"), "topics after restart: " + topics);
            }
        }
    }

    @Test
    void theBrokerCanBeStoppedAndStartedAgainOnItsPort() throws Exception {
        try (DevStack stack = DevStack.start(new DevStack.Settings(directory, 0, 0, true, Map.of()))) {
            KafkaBroker broker = stack.kafka();
            String address = broker.bootstrapServers();
            broker.stop();
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            assertTrue(!FreePorts.inUse(port), "the stopped broker still holds its port");
            broker.start();
            assertEquals(address, broker.bootstrapServers());
            try (Admin admin = admin(stack)) {
                assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            }
        }
    }

    @Test
    void eachServiceConnectsAsARoleThatOwnsItsSchemaAndCannotReadAnother() throws Exception {
        try (DevStack stack = DevStack.start(new DevStack.Settings(directory, 0, 0, false, Map.of()))) {
            ServiceRoles.Role auth = stack.roleOf("auth").orElseThrow();
            ServiceRoles.Role casestudy = stack.roleOf("casestudy").orElseThrow();
            assertEquals("casebook_casestudy", stack.environmentFor("casestudy").get(DevStack.DB_USERNAME));
            try (Connection db = DriverManager.getConnection(stack.database().jdbcUrl(), auth.username(), auth.password());
                 Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE auth.users (username text)");
                sql.execute("INSERT INTO auth.users VALUES ('admin')");
            }
            try (Connection db = DriverManager.getConnection(stack.database().jdbcUrl(), casestudy.username(), casestudy.password());
                 Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE casestudy.drafts (title text)");
                SQLException refused = assertThrows(SQLException.class, () -> sql.executeQuery("SELECT username FROM auth.users"));
                assertEquals("42501", refused.getSQLState(), "insufficient privilege: " + refused.getMessage());
                assertThrows(SQLException.class, () -> sql.execute("CREATE TABLE public.loot (x text)"));
            }
        }
    }

    private static Connection connect(DevStack stack) throws Exception {
        Database db = stack.database();
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static Admin admin(DevStack stack) {
        return Admin.create(stack.kafka().adminConfig());
    }
}
