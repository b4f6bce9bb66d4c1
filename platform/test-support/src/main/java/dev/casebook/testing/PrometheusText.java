package dev.casebook.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;

/**
 * Reads {@code /q/metrics} by the rules of Prometheus's text exposition format 0.0.4, by hand (no regular
 * expression): {@code # HELP} and {@code # TYPE} lines, then samples {@code name{label="value",...} number}, in
 * OpenMetrics (what Prometheus asks for) with an exemplar after the number, {@code # {trace_id="..."} 1.0}. Any line
 * that breaks the rules fails the test with its line number, so "the output parses" is checked, not assumed.
 */
public final class PrometheusText {

    /** One sample: its metric name, its labels, its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /** Scrapes the service under test (RestAssured's base URI and port) and parses what it answers. */
    public static PrometheusText scrape() {
        String body = given().accept("text/plain").get("/q/metrics").then()
                .statusCode(200).extract().asString();
        return parse(body);
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("# TYPE ")) {
                    String[] parts = line.substring(7).split(" ");
                    require(parts.length == 2 && isName(parts[0]), "a TYPE line names one metric and its type");
                    require(Set.of("counter", "gauge", "histogram", "summary", "untyped",
                            "unknown", "info", "stateset", "gaugehistogram").contains(parts[1]), "unknown type " + parts[1]);
                    require(types.put(parts[0], parts[1]) == null, "a second TYPE line for " + parts[0]);
                } else if (!line.startsWith("#")) {
                    samples.add(sample(line));
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new AssertionError("Line " + (n + 1) + " of /q/metrics is not Prometheus text (" + e.getMessage() + "): " + line);
            }
        }
        return new PrometheusText(samples, types);
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(isName(name), "not a metric name: " + name);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                require(eq > i, "a label without a value");
                String label = line.substring(i, eq);
                require(isName(label) && !label.contains(":"), "not a label name: " + label);
                require(line.charAt(eq + 1) == '"', "a label value is quoted");
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char escaped = line.charAt(++j);
                        require(escaped == '\\' || escaped == '"' || escaped == 'n', "a bad escape \\" + escaped);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                }
                require(labels.put(label, value.toString()) == null, "label " + label + " twice");
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        require(i < line.length() && line.charAt(i) == ' ', "a space before the value");
        String valueAndTime = line.substring(i + 1);
        int exemplar = valueAndTime.indexOf(" # ");
        if (exemplar >= 0) {
            // OpenMetrics (what Prometheus asks for): an exemplar, the trace of one observation, follows the value.
            String example = valueAndTime.substring(exemplar + 3);
            require(example.startsWith("{") && example.indexOf("} ") > 0, "an exemplar is {labels} value [timestamp]");
            valueAndTime = valueAndTime.substring(0, exemplar);
        }
        String[] rest = valueAndTime.split(" ");
        require(rest.length <= 2, "a value and at most a timestamp");
        double value = switch (rest[0]) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(rest[0]);
        };
        if (rest.length == 2) {
            Double.parseDouble(rest[1]); // milliseconds in Prometheus text, seconds with a fraction in OpenMetrics
        }
        return new Sample(name, labels, value);
    }

    // [a-zA-Z_:][a-zA-Z0-9_:]*
    private static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(rule);
        }
    }

    /** Every metric name with a sample. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The samples of {@code name}. */
    public List<Sample> samples(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** The sum of {@code name}'s samples whose labels include {@code labels} (name, value pairs); 0 when none. */
    public double value(String name, String... labels) {
        return samples(name).stream().filter(sample -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).mapToDouble(Sample::value).sum();
    }

    /** The type a {@code # TYPE} line gave the metric family {@code family}, or null. */
    public String typeOf(String family) {
        return types.get(family);
    }
}
