package dev.casebook.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every manifest file fits its typed model, and a field the model does not know is refused, not carried along. */
class StrictReadingTest {

    @Test
    void everyManifestOfTheBaseFitsItsModel() {
        for (Path file : Base.manifestFiles()) {
            Manifests manifests = Manifests.read(file);
            assertTrue(manifests.size() > 0, file + " holds no resource");
        }
        Manifests base = Base.all();
        assertEquals(4, base.all(Deployment.class).size(), "a Deployment for each of " + Casebook.PROCESSES);
    }

    @Test
    void aMisspelledFieldIsRefused() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: gateway
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: gateway
                          image: casebook/gateway
                          livenesProbe: {}
                """;
        AssertionError refused = assertThrows(AssertionError.class, () -> Manifests.parse(deployment, "a test"));
        assertTrue(refused.getMessage().contains("livenesProbe"), refused.getMessage());
    }

    @Test
    void aMisspelledStrimziFieldIsRefused() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: auth-events
                spec:
                  topicName: auth.events
                  partition: 3
                """;
        AssertionError refused = assertThrows(AssertionError.class, () -> Manifests.parse(topic, "a test"));
        assertTrue(refused.getMessage().contains("partition"), refused.getMessage());
    }

    @Test
    void aKindWithoutAModelIsRefused() {
        String unknown = """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                """;
        assertThrows(AssertionError.class, () -> Manifests.parse(unknown, "a test"));
    }
}
