package dev.casebook.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service's instances share its requests (SmallRye Stork behind the gateway); one that stops gets none, and no
 * client sees it go: a request it refused the connection for is sent to the other, writes included, since it never
 * left the gateway. Once it is back it takes requests again.
 */
@QuarkusTest
@TestProfile(TwoInstancesEach.class)
class InstancesTest {

    private static List<Integer> statuses(int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Response read = given().get("/api/case-studies/instances-" + i);
            Response write = given().auth().oauth2(AccessTokens.valid()).contentType("application/json")
                    .body("{\"n\": " + i + "}").post("/api/case-studies");
            statuses.add(read.statusCode());
            statuses.add(write.statusCode());
        }
        return statuses;
    }

    @Test
    void bothInstancesTakeRequests() {
        int first = StandIns.requestsTo("case-studies");
        int second = StandIns.requestsTo("case-studies-2");
        assertTrue(statuses(30).stream().allMatch(status -> status == 200));
        assertTrue(StandIns.requestsTo("case-studies") > first, "the first instance took some");
        assertTrue(StandIns.requestsTo("case-studies-2") > second, "the second instance took some");
    }

    @Test
    void anInstanceThatStopsFailsNoRequestAndTakesRequestsAgainOnceBack() {
        StandIns.down("case-studies-2");
        try {
            int reached = StandIns.requestsTo("case-studies-2");
            List<Integer> statuses = statuses(30);
            assertEquals(List.of(), statuses.stream().filter(status -> status != 200).toList(), "no request failed");
            assertEquals(reached, StandIns.requestsTo("case-studies-2"), "nothing reached the stopped instance");
        } finally {
            StandIns.up("case-studies-2");
        }
        int before = StandIns.requestsTo("case-studies-2");
        await().until(() -> {
            statuses(5);
            return StandIns.requestsTo("case-studies-2") > before;
        });
    }
}
