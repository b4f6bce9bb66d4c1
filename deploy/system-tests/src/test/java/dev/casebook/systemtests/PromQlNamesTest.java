package dev.casebook.systemtests;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What ObservabilityIT takes for the metric names of a rule or a panel. */
class PromQlNamesTest {

    @Test
    void findsTheMetricsAndNothingElse() {
        assertEquals(Set.of("casebook_outbox_backlog"),
                PromQlNames.in("max by (service) (casebook_outbox_backlog) > 0 and max by (service) (delta(casebook_outbox_backlog[10m])) > 0"));
        assertEquals(Set.of("http_server_requests_seconds_bucket"), PromQlNames.in(
                "histogram_quantile(0.99, sum by (service, le) (rate(http_server_requests_seconds_bucket{uri!~\"/q/.*\"}[5m]))) > 1"));
        assertEquals(Set.of("casebook_gateway_circuit_state"),
                PromQlNames.in("max by (route) (casebook_gateway_circuit_state{state=\"open\", route=~\"a|b\"}) == 1"));
        assertEquals(Set.of("a_total", "b_total"),
                PromQlNames.in("sum without (pod) (rate(a_total[5m])) / on (service) group_left (topic) sum(b_total) offset 1h"));
    }
}
