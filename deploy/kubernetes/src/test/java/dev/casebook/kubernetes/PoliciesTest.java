package dev.casebook.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What no extension generates: disruption budgets, autoscalers, and who may talk to whom. */
class PoliciesTest {

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

    private static boolean selects(LabelSelector selector, Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
