package dev.casebook.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.devstack.CasebookServices.Service;
import dev.casebook.testing.Commands;
import dev.casebook.testing.PrometheusText;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deploy/observability against the running stack: the rule files pass promtool (when it is installed), every metric
 * the alert rules and the dashboard read is one the services expose, and every alert has its dashboard panel.
 */
@ExtendWith(RunningCasebook.class)
class ObservabilityIT {

    private static final Path OBSERVABILITY = RunningCasebook.repositoryRoot().resolve("deploy/observability");

    @Test
    void theRulesAndTheLocalScrapeConfigurationPassPromtool() throws Exception {
        assumeTrue(Commands.available("promtool"), "promtool not installed, skipped (Debian: apt-get install prometheus)");
        promtool("check", "rules", "alerts.yml");
        promtool("test", "rules", "alerts-test.yml");
        promtool("check", "config", "prometheus-local.yml");
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExposedByTheServices() throws IOException {
        // A little of what operators watch: a request, a refused login, a case study whose event is published.
        given().get("/api/case-studies/template").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"username\": \"nobody-at-all\", \"password\": \"wrong-wrong\"}")
                .post("/api/auth/login").then().statusCode(401);
        RunningCasebook.newUser("author").request().contentType(ContentType.JSON)
                .body(Map.of("title", "Observed", "summary", "A case study the meters see")).post("/api/case-studies")
                .then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                scrape(Service.CASESTUDY).value("casebook_events_published_total", "topic", "casestudy.events") >= 1);

        Set<String> exposed = new TreeSet<>();
        for (Service service : Service.values()) {
            // Sample names, as queries use them: a histogram's _bucket, _count and _sum each.
            exposed.addAll(scrape(service).names());
        }

        Map<String, String> used = new TreeMap<>(); // metric -> where
        List<String> alerts = new ArrayList<>();
        for (String expr : ruleExpressions(Files.readAllLines(OBSERVABILITY.resolve("alerts.yml")), alerts)) {
            PromQlNames.in(expr).forEach(name -> used.put(name, "alerts.yml: " + expr));
        }
        JsonNode dashboard = new ObjectMapper().readTree(OBSERVABILITY.resolve("grafana/casebook.json").toFile());
        List<String> panelTitles = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panelTitles.add(panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                PromQlNames.in(target.path("expr").asText()).forEach(name -> used.put(name, "panel " + panel.path("title").asText()));
            }
        }

        assertFalse(alerts.isEmpty());
        assertTrue(used.keySet().stream().anyMatch(name -> name.startsWith("casebook_")));
        used.forEach((name, where) -> assertTrue(exposed.contains(name), name + " (" + where + ") is exposed by no service"));
        for (String alert : alerts) {
            assertTrue(panelTitles.stream().anyMatch(title -> title.contains("(" + alert + ")")), "a panel for " + alert);
        }
    }

    private static PrometheusText scrape(Service service) {
        return PrometheusText.parse(RestAssured.given().baseUri(RunningCasebook.services().get(service).url()).port(-1)
                .get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The expr of each rule, inline or folded (expr: >, then the lines indented deeper); the alert names too. */
    static List<String> ruleExpressions(List<String> lines, List<String> alerts) {
        List<String> exprs = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String trimmed = line.strip();
            if (trimmed.startsWith("- alert:")) {
                alerts.add(trimmed.substring("- alert:".length()).strip());
            }
            if (!trimmed.startsWith("expr:")) {
                continue;
            }
            String value = trimmed.substring("expr:".length()).strip();
            if (!value.equals(">") && !value.equals("|")) {
                exprs.add(value);
                continue;
            }
            int indent = indentOf(line);
            StringBuilder folded = new StringBuilder();
            while (n + 1 < lines.size() && indentOf(lines.get(n + 1)) > indent) {
                folded.append(lines.get(++n).strip()).append(' ');
            }
            exprs.add(folded.toString().strip());
        }
        return exprs;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i == line.length() ? Integer.MAX_VALUE : i;
    }

    private static void promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Commands.Run promtool = Commands.run(OBSERVABILITY, Map.of(), 60, command.toArray(String[]::new));
        assertEquals(0, promtool.exitCode(), String.join(" ", command) + " says:\n" + promtool.output());
    }
}
