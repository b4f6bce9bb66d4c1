package dev.casebook.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where an overlay talks to Kafka over SASL_SSL, every pod with a Kafka client trusts the Kafka cluster's CA: Strimzi's
 * Secret <cluster>-cluster-ca-cert mounted, and the trust store pointing at its ca.crt as the pod sees it.
 */
class KafkaTlsTest {

    private static final String PREFIX = "KAFKA_";

    @Test
    void everyKafkaClientOfATlsOverlayTrustsTheClustersCa() throws Exception {
        for (String overlay : Casebook.OVERLAYS) {
            Manifests manifests = Manifests.parse(Kubectl.kustomize(Casebook.overlay(overlay)), overlay);
            if (!"SASL_SSL".equals(config(manifests).getData().get("KAFKA_SECURITY_PROTOCOL"))) {
                continue;
            }
            String secret = cluster(manifests) + "-cluster-ca-cert";
            Map<String, PodSpec> pods = kafkaPods(manifests);
            assertEquals(4 + 3, pods.size(), overlay + ": every Deployment and migration Job has a Kafka client");
            pods.forEach((name, pod) -> assertTrustsTheCa(overlay + "'s " + name, pod, secret));
        }
    }

    @Test
    void productionTalksToKafkaOverTls() throws Exception {
        Manifests production = Manifests.parse(Kubectl.kustomize(Casebook.overlay("production")), "production");
        assertEquals("SASL_SSL", config(production).getData().get("KAFKA_SECURITY_PROTOCOL"),
                "production's events and logins cross the network encrypted");
    }

    @Test
    void aTlsOverlayKeepsWhatThePodsMountedBefore() throws Exception {
        Manifests base = Base.built();
        for (String overlay : Casebook.OVERLAYS) {
            Map<String, PodSpec> pods = kafkaPods(Manifests.parse(Kubectl.kustomize(Casebook.overlay(overlay)), overlay));
            kafkaPods(base).forEach((name, before) -> {
                PodSpec after = pods.get(name);
                assertTrue(after.getVolumes().containsAll(before.getVolumes()), overlay + "'s " + name + " keeps its volumes");
                assertTrue(after.getContainers().get(0).getVolumeMounts().containsAll(before.getContainers().get(0).getVolumeMounts()),
                        overlay + "'s " + name + " keeps its mounts");
            });
        }
    }

    /** The variables name Kafka client properties, as Quarkus maps them (KAFKA_SSL_TRUSTSTORE_TYPE: ssl.truststore.type). */
    @Test
    void theTrustStoreVariablesReachEveryKafkaClient() {
        for (String variable : new String[] {"KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_LOCATION"}) {
            String property = variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
            assertTrue(ConsumerConfig.configNames().contains(property) && ProducerConfig.configNames().contains(property),
                    variable + " sets " + property + ", which Kafka's clients do not know");
        }
        String connection = Casebook.read(Casebook.root().resolve("platform/src/main/java/dev/casebook/platform/events/KafkaConnection.java"));
        assertTrue(connection.contains("key.startsWith(\"ssl.\")"), "platform's KafkaConnection passes ssl.* on to its own clients");
    }

    private static void assertTrustsTheCa(String what, PodSpec pod, String secret) {
        Container container = pod.getContainers().get(0);
        assertEquals("PEM", EnvironmentTest.value(container.getEnv(), "KAFKA_SSL_TRUSTSTORE_TYPE"), what);
        assertFalse(EnvironmentTest.names(container.getEnv()).contains("KAFKA_SSL_TRUSTSTORE_PASSWORD"),
                what + ": Kafka refuses a password for a PEM trust store");
        String location = EnvironmentTest.value(container.getEnv(), "KAFKA_SSL_TRUSTSTORE_LOCATION");
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(m -> location.startsWith(m.getMountPath().replaceAll("/$", "") + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(what + " mounts nothing at " + location));
        assertNull(mount.getSubPath(), what + ": a subPath would hide the file's name");
        assertTrue(Boolean.TRUE.equals(mount.getReadOnly()), what + " mounts the CA read-only");
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(what + " has no volume " + mount.getName()));
        assertNotNull(volume.getSecret(), what + ": " + mount.getName() + " is a Secret");
        assertEquals(secret, volume.getSecret().getSecretName(), what + " mounts its Kafka cluster's CA");
        assertTrue(volume.getSecret().getOptional() == null || !volume.getSecret().getOptional(),
                what + " does not start without the CA");
        String file = location.substring(mount.getMountPath().replaceAll("/$", "").length() + 1);
        Optional<String> key = volume.getSecret().getItems().isEmpty()
                ? Optional.of(file)
                : volume.getSecret().getItems().stream().filter(i -> i.getPath().equals(file)).map(KeyToPath::getKey).findFirst();
        assertEquals(Optional.of("ca.crt"), key, what + ": " + location + " is the Secret's ca.crt");
    }

    /** Each Deployment's and Job's pod that has a Kafka client, by kind and name. */
    private static Map<String, PodSpec> kafkaPods(Manifests manifests) {
        Map<String, PodSpec> pods = new LinkedHashMap<>();
        manifests.all(Deployment.class).forEach(d -> pods.put("Deployment " + d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
        manifests.all(Job.class).forEach(j -> pods.put("Job " + j.getMetadata().getName(), j.getSpec().getTemplate().getSpec()));
        pods.values().removeIf(pod -> pod.getContainers().get(0).getEnv().stream().map(EnvVar::getName)
                .noneMatch("KAFKA_BOOTSTRAP_SERVERS"::equals));
        return pods;
    }

    private static ConfigMap config(Manifests manifests) {
        return manifests.all(ConfigMap.class).get(0);
    }

    static String cluster(Manifests manifests) {
        return manifests.topics().get(0).metadata().labels().get("strimzi.io/cluster");
    }
}
