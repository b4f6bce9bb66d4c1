package dev.casebook.kubernetes;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From outside, the gateway's Ingress reaches the API and its description, and nothing else the gateway serves: its
 * metrics and health are for Prometheus and the kubelet inside the cluster. Paths are matched as Kubernetes matches
 * them (Prefix by whole path segments, Exact as written).
 */
class IngressTest {

    private static final List<String> ROUTED = List.of("/api/case-studies", "/api/auth/login", "/api/metrics/analytics/summary",
            "/api", "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/index.html");
    private static final List<String> KEPT_INSIDE = List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/openapi/x",
            "/apix", "/", "/q", "/q/dev-ui");

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void onlyTheApiAndItsDescriptionAreReachableFromOutside(String overlay) throws Exception {
        Manifests manifests = Manifests.parse(Kubectl.kustomize(Casebook.overlay(overlay)), overlay);
        List<IngressRule> rules = manifests.get(Ingress.class, "gateway").getSpec().getRules();
        assertEquals(1, rules.size(), "one rule, for the overlay's host");
        List<HTTPIngressPath> paths = rules.get(0).getHttp().getPaths();
        for (HTTPIngressPath path : paths) {
            assertEquals("gateway", path.getBackend().getService().getName());
            assertEquals("http", path.getBackend().getService().getPort().getName());
        }
        for (String path : ROUTED) {
            assertTrue(routes(paths, path), path + " reaches the gateway");
        }
        for (String path : KEPT_INSIDE) {
            assertFalse(routes(paths, path), path + " is not reachable through the ingress");
        }
    }

    private static boolean routes(List<HTTPIngressPath> paths, String request) {
        return paths.stream().anyMatch(path -> switch (path.getPathType()) {
            case "Exact" -> request.equals(path.getPath());
            case "Prefix" -> segmentPrefix(path.getPath(), request);
            default -> throw new AssertionError(path.getPath() + " has pathType " + path.getPathType()
                    + ", whose matching is up to each ingress controller");
        });
    }

    /** Kubernetes' Prefix: the path's segments begin the request's, a trailing slash aside. */
    private static boolean segmentPrefix(String prefix, String request) {
        String trimmed = prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
        return trimmed.equals("/") || request.equals(trimmed) || request.startsWith(trimmed + "/");
    }
}
