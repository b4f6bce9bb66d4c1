package dev.casebook.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each Deployment probes what its service serves: the port it listens on (quarkus.http.port) and SmallRye Health's
 * three paths under Quarkus's non-application root, whose checks platform (and the gateway) declare.
 */
class ProbesTest {

    @Test
    void probesAskTheServiceItsOwnHealthOnItsOwnPort() {
        String health = "/" + Casebook.setting("gateway", "quarkus.http.non-application-root-path", "q") + "/"
                + Casebook.setting("gateway", "quarkus.smallrye-health.root-path", "health");
        for (String process : Casebook.PROCESSES) {
            int port = Casebook.httpPort(process);
            Container container = container(process);
            assertEquals(port, container.getPorts().get(0).getContainerPort(), process + " listens on " + port);
            assertProbe(process, "startup", container.getStartupProbe(), health + "/started", port);
            assertProbe(process, "liveness", container.getLivenessProbe(), health + "/live", port);
            assertProbe(process, "readiness", container.getReadinessProbe(), health + "/ready", port);
            Service service = Base.generated(process).get(Service.class, process);
            assertEquals(port, service.getSpec().getPorts().get(0).getTargetPort().getIntVal(),
                    process + "'s Service sends to the port it listens on");
        }
    }

    @Test
    void theProbedGroupsHaveChecks() throws Exception {
        // started, live and ready each answer with the checks platform declares (a group without any is UP regardless)
        String platform = Files.readString(Casebook.root().resolve("platform/src/main/java/dev/casebook/platform/health/StartupFinished.java"));
        assertTrue(platform.contains("@Startup"), "platform's StartupFinished is the startup check");
        Path migrations = Casebook.root().resolve("platform/src/main/java/dev/casebook/platform/database/SchemaMigrations.java");
        assertTrue(Files.readString(migrations).contains("@Readiness"), "the schema is part of readiness");
    }

    @Test
    void theGracePeriodOutlastsTheShutdownDelayAndDrain() {
        // README "Probes and shutdown": at least delay + drain + 20 s for the outbox relay's last batch
        long needed = seconds(Casebook.setting("gateway", "quarkus.shutdown.delay", "5s"))
                + seconds(Casebook.setting("gateway", "quarkus.shutdown.timeout", "10s")) + 20;
        String kustomization = Casebook.read(Casebook.base().resolve("kustomization.yaml"));
        var matcher = java.util.regex.Pattern.compile("terminationGracePeriodSeconds\\s+value: (\\d+)").matcher(
                kustomization.replaceAll("[\\n\\r]+\\s*", " "));
        assertTrue(matcher.find(), "the base sets terminationGracePeriodSeconds");
        assertTrue(Long.parseLong(matcher.group(1)) >= needed, "grace " + matcher.group(1) + " s, needed " + needed + " s");
    }

    /** "${CASEBOOK_SHUTDOWN_DELAY:5s}" is 5. */
    private static long seconds(String setting) {
        String value = setting.replaceAll(".*:([0-9]+)s}$", "$1");
        return Long.parseLong(value);
    }

    private static void assertProbe(String process, String which, Probe probe, String path, int port) {
        assertTrue(probe != null && probe.getHttpGet() != null, process + " has an HTTP " + which + " probe");
        assertEquals(path, probe.getHttpGet().getPath(), process + "'s " + which + " probe");
        assertEquals(port, probe.getHttpGet().getPort().getIntVal(), process + "'s " + which + " probe port");
    }

    static Container container(String process) {
        Deployment deployment = Base.generated(process).get(Deployment.class, process);
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
