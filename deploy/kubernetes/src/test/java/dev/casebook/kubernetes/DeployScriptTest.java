package dev.casebook.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** deploy.sh applies the overlay with the release's images, every Deployment and migration Job alike. */
class DeployScriptTest {

    @Test
    void aReleaseRunsTheImagesItWasGivenEverywhere() throws Exception {
        Assumptions.assumeTrue(Kubectl.find().isPresent(), "kubectl is not installed: deploy.sh was not tried (it renders with kubectl kustomize)");
        ProcessBuilder builder = new ProcessBuilder("bash", Casebook.kubernetes().resolve("deploy.sh").toString(),
                "production", "1a2b3c4", "--render");
        builder.environment().put("CASEBOOK_REGISTRY", "ghcr.io/example");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(2, TimeUnit.MINUTES);
        assertEquals(0, process.exitValue(), "deploy.sh --render failed: " + err);

        Manifests release = Manifests.parse(out, "deploy.sh production 1a2b3c4 --render");
        for (String name : Casebook.PROCESSES) {
            assertEquals("ghcr.io/example/casebook/" + name + ":1a2b3c4",
                    release.get(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        }
        for (String name : Casebook.WITH_DATABASE) {
            assertEquals("ghcr.io/example/casebook/" + name + ":1a2b3c4",
                    release.get(Job.class, name + "-migration").getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        }
    }
}
