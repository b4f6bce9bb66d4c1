package dev.casebook.kubernetes;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests in base/ are the build's, not hand-written: each service's copy is exactly what quarkus-kubernetes
 * generated from its configuration (platform's shared settings and its own application.properties) in this build.
 * The extension writes labels and variables in an order that changes from build to build; the order is not compared.
 */
class GeneratedManifestsTest {

    @Test
    void eachCommittedCopyIsWhatTheBuildGenerates() {
        for (String process : Casebook.PROCESSES) {
            Path generated = Casebook.root().resolve(process).resolve("target/kubernetes/kubernetes.yml");
            Path committed = Base.generatedCopy(process);
            String refresh = "refresh it: mvn -o -B package -DskipTests -pl " + process + " -am && cp " + process
                    + "/target/kubernetes/kubernetes.yml deploy/kubernetes/base/" + process + "/kubernetes.yml";
            assertTrue(Files.exists(generated), generated + " is missing: build " + process + " first (" + refresh + ")");
            assertTrue(Files.exists(committed), committed + " is missing; " + refresh);
            assertEquals(Manifests.normalized(Casebook.read(generated)), Manifests.normalized(Casebook.read(committed)),
                    "deploy/kubernetes/base/" + process + "/kubernetes.yml differs from what the build generates; " + refresh);
        }
    }

    @Test
    void eachServiceHasItsAccountServiceAndDeployment() {
        for (String process : Casebook.PROCESSES) {
            Manifests manifests = Base.generated(process);
            manifests.get(io.fabric8.kubernetes.api.model.ServiceAccount.class, process);
            manifests.get(io.fabric8.kubernetes.api.model.Service.class, process);
            var deployment = manifests.get(io.fabric8.kubernetes.api.model.apps.Deployment.class, process);
            assertEquals(process, deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertTrue(pod.getSecurityContext().getRunAsNonRoot(), process + " runs as non-root");
            var resources = pod.getContainers().get(0).getResources();
            assertTrue(resources.getRequests().containsKey("memory") && resources.getLimits().containsKey("memory"),
                    process + " has memory requests and limits");
        }
    }
}
