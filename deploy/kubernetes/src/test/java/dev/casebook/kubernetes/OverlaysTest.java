package dev.casebook.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each overlay builds (kubectl kustomize) into manifests that fit the model, in its own namespace, with every
 * ConfigMap key the pods read and only references to Secrets, never a Secret itself.
 */
class OverlaysTest {

    /** What the platform team creates in each namespace (README "Deploying on Kubernetes"); Strimzi makes the rest. */
    static final Set<String> SECRETS_CREATED_BY_HAND = Set.of("auth-service-db", "casestudy-service-db",
            "metrics-service-db", "casebook-jwt-keys", "casebook-admin");

    @Test
    void stagingBuilds() throws Exception {
        check("staging", "casebook-staging");
    }

    @Test
    void productionBuilds() throws Exception {
        Manifests production = check("production", "casebook");
        for (String process : Casebook.PROCESSES) {
            assertTrue(production.get(HorizontalPodAutoscaler.class, process).getSpec().getMinReplicas() >= 2,
                    process + " runs at least two instances in production");
        }
    }

    @Test
    void theOverlaysDifferWhereEnvironmentsDo() throws Exception {
        Manifests staging = Manifests.parse(Kubectl.kustomize(Casebook.overlay("staging")), "staging");
        Manifests production = Manifests.parse(Kubectl.kustomize(Casebook.overlay("production")), "production");
        assertNotEquals(configMap(staging).getData().get("CASEBOOK_PUBLIC_URL"), configMap(production).getData().get("CASEBOOK_PUBLIC_URL"));
        assertNotEquals(host(staging), host(production));
        assertNotEquals(staging.topics().get(0).metadata().labels().get("strimzi.io/cluster"),
                production.topics().get(0).metadata().labels().get("strimzi.io/cluster"));
    }

    private Manifests check(String overlay, String namespace) throws Exception {
        Manifests manifests = Manifests.parse(Kubectl.kustomize(Casebook.overlay(overlay)), overlay);
        for (String process : Casebook.PROCESSES) {
            // The autoscaler owns the count: a Deployment that set one would undo its scaling on every apply.
            assertEquals(null, manifests.get(Deployment.class, process).getSpec().getReplicas(),
                    process + "'s Deployment leaves its replica count to its HorizontalPodAutoscaler in " + overlay);
        }
        assertTrue(manifests.all(Secret.class).isEmpty(), overlay + " holds no Secret: secrets are referenced only");
        for (HasMetadata resource : manifests.all()) {
            assertEquals(namespace, resource.getMetadata().getNamespace(), resource.getKind() + " " + resource.getMetadata().getName());
        }
        manifests.topics().forEach(topic -> assertEquals(namespace, topic.metadata().namespace()));
        for (Deployment deployment : manifests.all(Deployment.class)) {
            var strategy = deployment.getSpec().getStrategy();
            assertEquals("RollingUpdate", strategy.getType());
            assertEquals(Integer.valueOf(0), strategy.getRollingUpdate().getMaxUnavailable().getIntVal(),
                    "a rolling update never takes an instance away before its successor is ready");
            assertEquals(Integer.valueOf(1), strategy.getRollingUpdate().getMaxSurge().getIntVal(), "one extra, as the connection budget counts");
            assertEquals(Boolean.FALSE, deployment.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken());
            assertEquals(Long.valueOf(40), deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds());
        }
        ConfigMap config = configMap(manifests);
        List<PodSpec> pods = new ArrayList<>();
        manifests.all(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
        manifests.all(Job.class).forEach(j -> pods.add(j.getSpec().getTemplate().getSpec()));
        assertEquals(4 + 3, pods.size(), "four Deployments and three migration Jobs");
        Set<String> secrets = new TreeSet<>();
        for (PodSpec pod : pods) {
            Container container = pod.getContainers().get(0);
            assertTrue(container.getImage().matches("docker\\.io/casebook/[a-z-]+:.+"),
                    container.getImage() + " is the name deploy.sh replaces with the release's registry and tag");
            for (EnvVar variable : container.getEnv()) {
                var from = variable.getValueFrom();
                if (from != null && from.getConfigMapKeyRef() != null) {
                    assertEquals(config.getMetadata().getName(), from.getConfigMapKeyRef().getName());
                    assertTrue(config.getData().containsKey(from.getConfigMapKeyRef().getKey()),
                            overlay + "'s ConfigMap lacks " + from.getConfigMapKeyRef().getKey());
                }
                if (from != null && from.getSecretKeyRef() != null) {
                    secrets.add(from.getSecretKeyRef().getName());
                }
            }
            pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> secrets.add(v.getSecret().getSecretName()));
        }
        Set<String> expected = new TreeSet<>(SECRETS_CREATED_BY_HAND);
        expected.addAll(Casebook.PROCESSES); // the KafkaUsers' Secrets, made by Strimzi's User Operator
        if ("SASL_SSL".equals(config.getData().get("KAFKA_SECURITY_PROTOCOL"))) {
            expected.add(KafkaTlsTest.cluster(manifests) + "-cluster-ca-cert"); // copied from the Kafka cluster's namespace
        }
        assertEquals(expected, secrets, overlay + " refers to these Secrets");
        for (Strimzi.KafkaUser user : manifests.users()) {
            assertEquals(manifests.topics().get(0).metadata().labels().get("strimzi.io/cluster"),
                    user.metadata().labels().get("strimzi.io/cluster"), "users and topics belong to one Kafka cluster");
        }
        return manifests;
    }

    private static ConfigMap configMap(Manifests manifests) {
        List<ConfigMap> maps = manifests.all(ConfigMap.class);
        assertEquals(1, maps.size(), "one ConfigMap, casebook");
        assertTrue(maps.get(0).getMetadata().getName().startsWith("casebook"));
        return maps.get(0);
    }

    private static String host(Manifests manifests) {
        return manifests.get(Ingress.class, "gateway").getSpec().getRules().get(0).getHost();
    }
}
