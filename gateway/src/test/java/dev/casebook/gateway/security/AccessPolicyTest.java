package dev.casebook.gateway.security;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    @ParameterizedTest
    @CsvSource({
            "POST,   /api/auth/login,                        NO_TOKEN_NEEDED",
            "POST,   /api/auth/refresh,                      NO_TOKEN_NEEDED",
            "POST,   /api/auth/logout,                       NO_TOKEN_NEEDED",
            "GET,    /api/auth/jwks,                         TOKEN_OPTIONAL",
            "HEAD,   /api/auth/roles,                        TOKEN_OPTIONAL",
            "GET,    /api/case-studies,                      TOKEN_OPTIONAL",
            "HEAD,   /api/case-studies,                      TOKEN_OPTIONAL",
            "GET,    /api/case-studies/template,             TOKEN_OPTIONAL",
            "GET,    /api/case-studies/moving-to-kafka,      TOKEN_OPTIONAL",
            "GET,    /api/metrics/catalog,                   TOKEN_OPTIONAL",
            "GET,    /api/metrics/analytics,                 TOKEN_OPTIONAL",
            "GET,    /api/metrics/analytics/cs-1/trend/week, TOKEN_OPTIONAL",
            "GET,    /api/metrics/case-studies/cs-1,         TOKEN_OPTIONAL",
            "GET,    /api/metrics/case-studies/cs-1/samples/summary, TOKEN_OPTIONAL",
            "PUT,    /api/metrics/case-studies/cs-1,         TOKEN_REQUIRED",
            "POST,   /api/metrics/case-studies/cs-1/samples, TOKEN_REQUIRED",
            "GET,    /api/auth/me,                           TOKEN_REQUIRED",
            "GET,    /api/auth/login,                        TOKEN_REQUIRED",
            "PUT,    /api/auth/jwks,                         TOKEN_REQUIRED",
            "GET,    /api/auth/users/42,                     TOKEN_REQUIRED",
            "POST,   /api/case-studies,                      TOKEN_REQUIRED",
            "DELETE, /api/case-studies/cs-1,                 TOKEN_REQUIRED",
            "GET,    /api/case-studies/cs-1/revisions,       TOKEN_REQUIRED",
            "GET,    /api/case-studies/,                     TOKEN_REQUIRED",
            "GET,    /api/case-studies/a%2Fb,                TOKEN_REQUIRED",
            "GET,    /api/case-studies/a;b,                  TOKEN_REQUIRED",
            "GET,    /api/case-studies/cs-1/,                TOKEN_REQUIRED",
            "GET,    /api/metrics/catalog/speed,             TOKEN_REQUIRED",
            "GET,    /api/metrics/analytics/%2e%2e,          TOKEN_REQUIRED",
            "POST,   /api/metrics/analytics/cs-1,            TOKEN_REQUIRED",
            "GET,    /api/metrics/samples,                   TOKEN_REQUIRED",
            "GET,    /api/anything-new,                      TOKEN_REQUIRED",
    })
    void whatEachRequestNeeds(String method, String path, Access expected) {
        assertEquals(expected, policy.of(HttpMethod.valueOf(method), path));
    }
}
