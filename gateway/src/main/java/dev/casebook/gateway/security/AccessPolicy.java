package dev.casebook.gateway.security;

import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which requests need an access token at the gateway. Whatever is not listed here needs one, so a new
 * endpoint is protected until someone decides otherwise. The services still check roles themselves.
 */
@ApplicationScoped
public class AccessPolicy {

    private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> POST = Set.of(HttpMethod.POST);

    // '*' stands for one path segment of plain characters, '**' for any further segments. Anything with
    // an encoded or odd character in it (%2F, ';') matches no public rule, so it needs a token.
    private static final List<Rule> RULES = List.of(
            new Rule(POST, "/api/auth/login", Access.NO_TOKEN_NEEDED),
            new Rule(POST, "/api/auth/refresh", Access.NO_TOKEN_NEEDED),
            new Rule(POST, "/api/auth/logout", Access.NO_TOKEN_NEEDED), // the refresh token in the body is the credential
            new Rule(READ, "/api/auth/jwks", Access.TOKEN_OPTIONAL),
            new Rule(READ, "/api/auth/roles", Access.TOKEN_OPTIONAL),
            new Rule(READ, "/api/case-studies", Access.TOKEN_OPTIONAL),
            new Rule(READ, "/api/case-studies/*", Access.TOKEN_OPTIONAL), // one by id or slug, and the template
            new Rule(READ, "/api/metrics/analytics", Access.TOKEN_OPTIONAL),
            new Rule(READ, "/api/metrics/analytics/**", Access.TOKEN_OPTIONAL),
            new Rule(READ, "/api/metrics/catalog", Access.TOKEN_OPTIONAL),
            // whoever may read a case study may read its metrics: metrics-service decides, as for case studies
            new Rule(READ, "/api/metrics/case-studies/*", Access.TOKEN_OPTIONAL),
            new Rule(READ, "/api/metrics/case-studies/*/samples/summary", Access.TOKEN_OPTIONAL));

    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    /** The access {@code method} on {@code path} (as routed: normalized, without query) asks for. */
    public Access of(HttpMethod method, String path) {
        for (Rule rule : RULES) {
            if (rule.methods().contains(method) && matches(rule.pattern(), path)) {
                return rule.access();
            }
        }
        return Access.TOKEN_REQUIRED;
    }

    static boolean matches(String pattern, String path) {
        String[] wanted = pattern.substring(1).split("/", -1);
        String[] given = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[]{};
        int i = 0;
        for (; i < wanted.length; i++) {
            if (wanted[i].equals("**")) {
                return given.length > i && allPlain(given, i);
            }
            if (i >= given.length) {
                return false;
            }
            boolean segmentMatches = wanted[i].equals("*")
                    ? PLAIN_SEGMENT.matcher(given[i]).matches()
                    : wanted[i].equals(given[i]);
            if (!segmentMatches) {
                return false;
            }
        }
        return i == given.length;
    }

    private static boolean allPlain(String[] segments, int from) {
        for (int i = from; i < segments.length; i++) {
            if (!PLAIN_SEGMENT.matcher(segments[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    private record Rule(Set<HttpMethod> methods, String pattern, Access access) {
    }
}
