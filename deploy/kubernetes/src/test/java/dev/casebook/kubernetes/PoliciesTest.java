package dev.casebook.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What no extension generates: disruption budgets, autoscalers, and who may talk to whom. */
class PoliciesTest {

    /** Where Prometheus and the OpenTelemetry collector run: the label Kubernetes puts on every namespace. */
    private static final Map<String, String> MONITORING = Map.of("kubernetes.io/metadata.name", "monitoring");
    private static final Map<String, String> ELSEWHERE = Map.of("kubernetes.io/metadata.name", "ingress-nginx");
    private static final int[] OTLP = {4317, 4318};

    private final Manifests base = Base.all();

    @Test
    void eachDeploymentHasADisruptionBudgetAndAnAutoscalerThatFitIt() {
        for (String process : Casebook.PROCESSES) {
            Deployment deployment = base.get(Deployment.class, process);
            PodDisruptionBudget budget = base.get(PodDisruptionBudget.class, process);
            assertTrue(selects(budget.getSpec().getSelector(), deployment), process + "'s budget selects its pods");
            HorizontalPodAutoscaler autoscaler = base.get(HorizontalPodAutoscaler.class, process);
            assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind());
            assertEquals(process, autoscaler.getSpec().getScaleTargetRef().getName());
            assertTrue(autoscaler.getSpec().getMaxReplicas() <= 3, "the connection budget plans for 3 replicas at most");
        }
    }

    @Test
    void everythingIsDeniedUnlessAllowed() {
        NetworkPolicy deny = base.get(NetworkPolicy.class, "casebook-default-deny");
        assertEquals(List.of("Ingress", "Egress"), deny.getSpec().getPolicyTypes());
        assertTrue(deny.getSpec().getIngress().isEmpty() && deny.getSpec().getEgress().isEmpty());
        for (String process : Casebook.PROCESSES) {
            assertTrue(selects(deny.getSpec().getPodSelector(), base.get(Deployment.class, process)), process + " is covered");
        }
    }

    @Test
    void onlyTheGatewayTakesTrafficFromOutsideAndEachOnlyOnItsPort() {
        Map<String, Set<String>> callers = Map.of(
                "gateway", Set.of("anyone"),
                "auth-service", Set.of("gateway", "casestudy-service", "metrics-service"),
                "casestudy-service", Set.of("gateway"),
                "metrics-service", Set.of("gateway"));
        for (String process : Casebook.PROCESSES) {
            NetworkPolicy policy = base.get(NetworkPolicy.class, process);
            assertTrue(selects(policy.getSpec().getPodSelector(), base.get(Deployment.class, process)));
            Set<String> from = new TreeSet<>();
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                rule.getPorts().forEach(port -> assertEquals(Casebook.httpPort(process), port.getPort().getIntVal(),
                        process + " is reached on its own port only"));
                if (rule.getFrom().isEmpty()) {
                    from.add("anyone");
                }
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    from.add(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
                }
            }
            assertEquals(new TreeSet<>(callers.get(process)), from, "who may call " + process);
        }
    }

    @Test
    void theServicesReachPostgresqlAndKafkaTheGatewayOnlyKafka() {
        for (String process : Casebook.PROCESSES) {
            Set<Integer> ports = new TreeSet<>();
            base.get(NetworkPolicy.class, process).getSpec().getEgress().stream()
                    .filter(rule -> rule.getTo().isEmpty())
                    .forEach(rule -> rule.getPorts().forEach(port -> ports.add(port.getPort().getIntVal())));
            assertTrue(ports.containsAll(Set.of(53, 9092, 9093)), process + " reaches DNS and Kafka: " + ports);
            assertEquals(Casebook.WITH_DATABASE.contains(process), ports.contains(5432), process + " and PostgreSQL");
        }
    }

    @Test
    void theMetricsPortOfEveryDeploymentIsOpenToTheMonitoringNamespaceAndNoOtherOutside() {
        for (String process : Casebook.PROCESSES) {
            PodTemplateSpec pod = base.get(Deployment.class, process).getSpec().getTemplate();
            int metrics = Integer.parseInt(pod.getMetadata().getAnnotations().get("prometheus.io/port"));
            assertTrue(pod.getSpec().getContainers().get(0).getPorts().stream().anyMatch(p -> p.getContainerPort() == metrics),
                    process + " serves /q/metrics on a port it declares");
            assertTrue(ingressAllowed(pod, MONITORING, Map.of(), metrics), process + "'s metrics from the monitoring namespace");
            assertFalse(ingressAllowed(pod, MONITORING, Map.of(), metrics + 1), "only the metrics port from there");
            // The gateway serves /q/metrics on its clients' port, open to anyone: only a management interface would part them.
            boolean public_ = process.equals("gateway");
            assertEquals(public_, ingressAllowed(pod, ELSEWHERE, Map.of(), metrics), process + "'s metrics from another namespace");
            Set<String> outside = new TreeSet<>();
            for (NetworkPolicy policy : policiesOf(pod.getMetadata().getLabels(), "Ingress")) {
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    if (portAllowed(rule.getPorts(), metrics, pod)) {
                        outside.addAll(outsidePeers(policy.getMetadata().getName(), rule.getFrom()));
                    }
                }
            }
            Set<String> expected = new TreeSet<>(Set.of("namespace " + MONITORING));
            if (public_) {
                expected.add("anyone (gateway)");
            }
            assertEquals(expected, outside, "who outside the namespace reaches " + process + "'s metrics port " + metrics);
        }
    }

    @Test
    void everyPodReachesTheCollectorInTheMonitoringNamespace() throws Exception {
        List<PodTemplateSpec> pods = new ArrayList<>();
        base.all(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate()));
        base.all(Job.class).forEach(j -> pods.add(j.getSpec().getTemplate()));
        assertEquals(4 + 3, pods.size());
        for (PodTemplateSpec pod : pods) {
            for (int port : OTLP) {
                assertTrue(egressAllowed(pod, MONITORING, port), pod.getMetadata().getLabels() + " sends traces to port " + port);
            }
            assertFalse(egressAllowed(pod, ELSEWHERE, 4317), "traces go to the monitoring namespace only");
        }
        for (String overlay : Casebook.OVERLAYS) {
            Manifests manifests = Manifests.parse(Kubectl.kustomize(Casebook.overlay(overlay)), overlay);
            String endpoint = manifests.all(ConfigMap.class).get(0).getData().get("OTEL_EXPORTER_OTLP_ENDPOINT");
            if (endpoint == null || endpoint.isBlank()) {
                continue;
            }
            URI collector = URI.create(endpoint);
            String[] host = collector.getHost().split("\\.");
            assertTrue(host.length >= 2 && MONITORING.containsValue(host[1]),
                    overlay + "'s collector " + endpoint + " is in the namespace the pods may send to");
            assertTrue(java.util.Arrays.stream(OTLP).anyMatch(p -> p == collector.getPort()), overlay + "'s collector port");
        }
    }

    /** The NetworkPolicies of the base that select pods with these labels for this direction. */
    private List<NetworkPolicy> policiesOf(Map<String, String> labels, String type) {
        return base.all(NetworkPolicy.class).stream()
                .filter(policy -> policy.getSpec().getPolicyTypes().contains(type) && matches(policy.getSpec().getPodSelector(), labels))
                .toList();
    }

    /** Whether a pod in another namespace, labelled so, may reach {@code pod} on {@code port}. */
    private boolean ingressAllowed(PodTemplateSpec pod, Map<String, String> namespace, Map<String, String> labels, int port) {
        return policiesOf(pod.getMetadata().getLabels(), "Ingress").stream()
                .flatMap(policy -> policy.getSpec().getIngress().stream())
                .anyMatch(rule -> portAllowed(rule.getPorts(), port, pod) && peerAllowed(rule.getFrom(), namespace, labels));
    }

    /** Whether {@code pod} may reach a pod in another namespace, labelled so, on {@code port}. */
    private boolean egressAllowed(PodTemplateSpec pod, Map<String, String> namespace, int port) {
        return policiesOf(pod.getMetadata().getLabels(), "Egress").stream()
                .flatMap(policy -> policy.getSpec().getEgress().stream())
                .anyMatch(rule -> portAllowed(rule.getPorts(), port, null) && peerAllowed(rule.getTo(), namespace, Map.of()));
    }

    /** A peer in another namespace: a podSelector alone means the policy's own namespace. */
    private static boolean peerAllowed(List<NetworkPolicyPeer> peers, Map<String, String> namespace, Map<String, String> labels) {
        return peers.isEmpty() || peers.stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                && matches(peer.getNamespaceSelector(), namespace)
                && (peer.getPodSelector() == null || matches(peer.getPodSelector(), labels)));
    }

    /** Each peer from outside the namespace a rule admits, as a name; a podSelector alone stays inside. */
    private static List<String> outsidePeers(String policy, List<NetworkPolicyPeer> peers) {
        if (peers.isEmpty()) {
            return List.of("anyone (" + policy + ")");
        }
        List<String> outside = new ArrayList<>();
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                outside.add("ipBlock " + peer.getIpBlock().getCidr());
            } else if (peer.getNamespaceSelector() != null) {
                LabelSelector namespaces = peer.getNamespaceSelector();
                outside.add(namespaces.getMatchExpressions().isEmpty() ? "namespace " + namespaces.getMatchLabels() : "namespaces " + namespaces);
            }
        }
        return outside;
    }

    /** Ports as Kubernetes reads them: none means all, a name is the selected pod's container port of that name. */
    private static boolean portAllowed(List<NetworkPolicyPort> ports, int port, PodTemplateSpec pod) {
        return ports.isEmpty() || ports.stream().anyMatch(allowed -> {
            IntOrString value = allowed.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                int end = allowed.getEndPort() != null ? allowed.getEndPort() : value.getIntVal();
                return value.getIntVal() <= port && port <= end;
            }
            List<ContainerPort> declared = pod == null ? List.of() : pod.getSpec().getContainers().get(0).getPorts();
            return declared.stream().anyMatch(p -> value.getStrVal().equals(p.getName()) && p.getContainerPort() == port);
        });
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        boolean byLabels = selector.getMatchLabels() == null
                || selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        return byLabels && selector.getMatchExpressions().stream().allMatch(requirement -> matches(requirement, labels));
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        return switch (requirement.getOperator()) {
            case "In" -> requirement.getValues().contains(value);
            case "NotIn" -> value == null || !requirement.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new AssertionError("no such selector operator " + requirement.getOperator());
        };
    }

    private static boolean selects(LabelSelector selector, Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
