package dev.casebook.gateway.security;

import dev.casebook.platform.problem.ProblemException;
import dev.casebook.platform.problem.ProblemWriter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Refuses a browser request from a site that may not call the API with a 403 problem, before Quarkus's CORS filter
 * would refuse it with an empty 403. The same origins pass as there: those {@code quarkus.http.cors.origins} lists
 * (exactly, or as a /regular expression/ an operator wrote) and the gateway's own (same-origin, such as Swagger UI).
 */
@ApplicationScoped
public class CorsRefusals {

    // After the request id filter, before the CORS filter and everything else.
    private static final int PRIORITY = Integer.MAX_VALUE - 25;

    private final List<Predicate<String>> allowed;
    private final ProblemWriter problems;

    public CorsRefusals(@ConfigProperty(name = "quarkus.http.cors.origins") List<String> origins, ProblemWriter problems) {
        this.allowed = origins.stream().map(CorsRefusals::matcher).toList();
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String origin = ctx.request().getHeader("Origin");
            if (origin != null && !isAllowed(origin, ctx.request())) {
                problems.send(ctx, new ProblemException(403, "Pages of " + origin
                        + " may not call this API from a browser; call it from an allowed origin, or from a server"));
                return;
            }
            ctx.next();
        }, PRIORITY);
    }

    private boolean isAllowed(String origin, HttpServerRequest request) {
        String own = request.scheme() + "://" + request.authority();
        return origin.equalsIgnoreCase(own) || allowed.stream().anyMatch(rule -> rule.test(origin));
    }

    private static Predicate<String> matcher(String rule) {
        if (rule.equals("*")) {
            return origin -> true;
        }
        if (rule.length() > 2 && rule.startsWith("/") && rule.endsWith("/")) {
            Pattern pattern = Pattern.compile(rule.substring(1, rule.length() - 1));
            return origin -> origin.length() <= 200 && pattern.matcher(origin).matches();
        }
        return rule::equalsIgnoreCase;
    }
}
