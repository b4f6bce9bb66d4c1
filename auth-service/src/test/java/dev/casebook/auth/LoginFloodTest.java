package dev.casebook.auth;

import dev.casebook.auth.config.AccountSettings;
import dev.casebook.auth.security.HashingPool;
import dev.casebook.devstack.CasebookInfrastructure;
import dev.casebook.platform.problem.AddressRefusal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.casebook.testing.Accounts.uniqueName;
import static dev.casebook.testing.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passwords are checked on a bounded pool, outside any transaction: logins waiting for it hold no database
 * connection, the other routes keep answering, and a login finding the pool full, or its address holding its share of
 * it, is refused without waiting for a place, its answer sent after the refusal pause.
 */
@QuarkusTest
@QuarkusTestResource(CasebookInfrastructure.class)
class LoginFloodTest {

    @Inject
    HashingPool pool;

    @Inject
    AgroalDataSource database;

    @Inject
    AccountSettings settings;

    @Test
    void loginsWaitingForTheFullPoolHoldNoTransactionAndOneMoreIsAnswered503() throws Exception {
        String adminToken = Auth.adminToken();
        CountDownLatch hold = new CountDownLatch(1);
        List<CompletableFuture<?>> blockers = new ArrayList<>();
        List<CompletableFuture<Integer>> waitingLogins = new ArrayList<>();
        try {
            // Every hashing thread busy with a check that only ends when the test says so.
            for (int i = 0; i < pool.threads(); i++) {
                blockers.add(pool.reserve("blocker-" + i).run(() -> awaited(hold)).toCompletableFuture());
            }
            // Logins for the rest of the places: admitted (one transaction, done), then waiting for a thread.
            int queued = pool.size() - pool.threads();
            for (int i = 0; i < queued; i++) {
                String from = LoginThrottlingTest.address();
                waitingLogins.add(CompletableFuture.supplyAsync(() -> loginFrom(from, uniqueName("flood"), "guess").statusCode()));
            }
            awaitWaiting(queued);

            assertEquals(0, openTransactionsAndAdvisoryLocks(), "no login holds a transaction while its password waits");
            // The pool is full: the next login is refused without a place, with a problem and when to come back.
            Response refused = loginFrom(LoginThrottlingTest.address(), uniqueName("flood"), "guess");
            assertProblem(refused.then(), 503, "service-unavailable")
                    .header("Retry-After", notNullValue())
                    .body("detail", containsString("Too many logins"));
            assertThat(refused.timeIn(TimeUnit.MILLISECONDS), greaterThanOrEqualTo(settings.login().refusalPause().toMillis()));
            // Every other route still answers, the database ones included.
            given().auth().oauth2(adminToken).get("/api/auth/users").then().statusCode(200);
            given().get("/api/auth/jwks").then().statusCode(200);
        } finally {
            hold.countDown();
        }
        CompletableFuture.allOf(blockers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<Integer> login : waitingLogins) {
            assertEquals(401, login.get(60, TimeUnit.SECONDS), "a login that waited is checked after all");
        }
    }

    @Test
    void anAddressBeyondItsShareOfThePoolIsRefusedAsAWholeAddress() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        List<CompletableFuture<?>> blockers = new ArrayList<>();
        List<CompletableFuture<Integer>> waitingLogins = new ArrayList<>();
        String from = LoginThrottlingTest.address();
        int share = settings.password().placesPerAddress().orElse(pool.threads());
        try {
            for (int i = 0; i < pool.threads(); i++) {
                blockers.add(pool.reserve("blocker-" + i).run(() -> awaited(hold)).toCompletableFuture());
            }
            for (int i = 0; i < share; i++) {
                waitingLogins.add(CompletableFuture.supplyAsync(() -> loginFrom(from, uniqueName("share"), "guess").statusCode()));
            }
            awaitWaiting(share, false);

            Response refused = loginFrom(from, uniqueName("share"), "guess");
            assertProblem(refused.then(), 429, "too-many-requests")
                    .header("Retry-After", notNullValue())
                    // Told to wait whatever it sends, so the gateway refuses its next logins itself until Retry-After.
                    .header(AddressRefusal.HEADER, AddressRefusal.SCOPE)
                    .body("detail", containsString("Too many logins at once from this address"));
            assertThat(refused.timeIn(TimeUnit.MILLISECONDS), greaterThanOrEqualTo(settings.login().refusalPause().toMillis()));
            // The places left are everyone else's.
            assertTrue(pool.placesTaken() < pool.size(), "the address did not take every place");
        } finally {
            hold.countDown();
        }
        CompletableFuture.allOf(blockers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<Integer> login : waitingLogins) {
            assertEquals(401, login.get(60, TimeUnit.SECONDS), "the logins within its share are checked");
        }
    }

    private static boolean awaited(CountDownLatch hold) {
        try {
            return hold.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // Polls until the logins are past their first transaction and queued for a thread, for at most 60 s.
    private void awaitWaiting(int logins) throws InterruptedException {
        awaitWaiting(logins, true);
    }

    private void awaitWaiting(int logins, boolean poolFull) throws InterruptedException {
        for (int i = 0; i < 6000 && pool.waiting() < logins; i++) {
            Thread.sleep(10);
        }
        assertEquals(logins, pool.waiting());
        if (poolFull) {
            assertTrue(pool.placesTaken() == pool.size(), "every place is taken");
        }
    }

    /** Sessions of this database in an open transaction but idle, and advisory locks held, other than this query's. */
    private int openTransactionsAndAdvisoryLocks() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT"
                     + " (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                     + "   AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%')"
                     + " + (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid())")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static Response loginFrom(String address, String username, String password) {
        return given().header("X-Forwarded-For", address)
                .contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }
}
