package dev.casebook.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Deployment (and a migration Job) sets only variables its service reads, and every variable its service cannot
 * start without: what it reads is what its application.properties and platform's defaults name as ${VARIABLE}, or
 * the variable Quarkus maps onto a property its application.properties sets.
 */
class EnvironmentTest {

    /** Set by quarkus-kubernetes on every Deployment (the pod's namespace); harmless, and read by no Casebook setting. */
    private static final Set<String> SET_BY_THE_EXTENSION = Set.of("KUBERNETES_NAMESPACE");

    @Test
    void everyVariableOfADeploymentIsOneItsServiceReads() {
        for (String process : Casebook.PROCESSES) {
            assertReadsAll(process, "Deployment", ProbesTest.container(process));
        }
    }

    @Test
    void everyVariableOfAMigrationJobIsOneItsServiceReads() throws Exception {
        Manifests base = Base.built();
        for (String process : Casebook.WITH_DATABASE) {
            Job job = base.get(Job.class, process + "-migration");
            assertReadsAll(process, "Job", job.getSpec().getTemplate().getSpec().getContainers().get(0));
        }
    }

    @Test
    void everyVariableAServiceCannotStartWithoutIsSet() {
        for (String process : Casebook.PROCESSES) {
            Set<String> set = names(ProbesTest.container(process).getEnv());
            for (String required : Casebook.variablesRequired(process)) {
                assertTrue(set.contains(required), process + " needs " + required + ", which its Deployment does not set");
            }
        }
        assertTrue(Casebook.variablesRequired("auth-service").contains("CASEBOOK_JWT_PRIVATE_KEY_FILE"),
                "the check sees auth-service's required key file");
    }

    @Test
    void noValueOfASecretIsWrittenIntoAManifest() {
        for (String process : Casebook.PROCESSES) {
            for (EnvVar variable : ProbesTest.container(process).getEnv()) {
                if (variable.getName().contains("PASSWORD") || variable.getName().contains("SECRET")) {
                    assertTrue(variable.getValue() == null && variable.getValueFrom().getSecretKeyRef() != null,
                            process + "'s " + variable.getName() + " comes from a Secret by reference");
                }
            }
        }
    }

    @Test
    void eachProcessLogsIntoKafkaAsItsOwnPrincipal() {
        for (String process : Casebook.PROCESSES) {
            List<EnvVar> env = ProbesTest.container(process).getEnv();
            assertEquals(process, value(env, "CASEBOOK_KAFKA_USERNAME"), process + "'s Kafka login");
            assertEquals(process, env.stream().filter(v -> v.getName().equals("CASEBOOK_KAFKA_PASSWORD")).findFirst()
                    .orElseThrow().getValueFrom().getSecretKeyRef().getName(), "the KafkaUser's Secret is named after it");
        }
    }

    private static void assertReadsAll(String process, String what, Container container) {
        Set<String> reads = new TreeSet<>(Casebook.variablesRead(process));
        reads.addAll(Casebook.propertyVariables(process));
        for (String name : names(container.getEnv())) {
            assertTrue(reads.contains(name) || SET_BY_THE_EXTENSION.contains(name),
                    process + "'s " + what + " sets " + name + ", which " + process + " does not read (it reads " + reads + ")");
        }
    }

    static String value(List<EnvVar> env, String name) {
        return env.stream().filter(v -> v.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    static Set<String> names(List<EnvVar> env) {
        Set<String> names = new TreeSet<>();
        env.forEach(variable -> names.add(variable.getName()));
        return names;
    }
}
