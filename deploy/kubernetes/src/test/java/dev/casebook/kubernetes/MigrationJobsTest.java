package dev.casebook.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migrations run once per release, in a Job per service: the same image and settings as the service's Deployment,
 * CASEBOOK_DB_MIGRATION=migrate-and-exit; the Deployment's pods only validate (platform's MigrationMode).
 */
class MigrationJobsTest {

    @Test
    void eachJobIsItsDeploymentThatMigratesAndExits() throws Exception {
        Manifests base = Base.built();
        for (String process : Casebook.WITH_DATABASE) {
            PodSpec pod = base.get(Deployment.class, process).getSpec().getTemplate().getSpec();
            Job job = base.get(Job.class, process + "-migration");
            PodSpec jobPod = job.getSpec().getTemplate().getSpec();
            Container serving = pod.getContainers().get(0);
            Container migrating = jobPod.getContainers().get(0);

            assertEquals("validate", EnvironmentTest.value(serving.getEnv(), "CASEBOOK_DB_MIGRATION"), process + " validates");
            assertEquals("migrate-and-exit", EnvironmentTest.value(migrating.getEnv(), "CASEBOOK_DB_MIGRATION"), process + "'s Job");
            assertEquals(serving.getImage(), migrating.getImage(), process + "'s Job runs the release's image");
            assertEquals(withoutMigrationMode(serving.getEnv()), withoutMigrationMode(migrating.getEnv()),
                    process + "'s Job has its Deployment's settings (a service checks them all at start)");
            assertEquals(serving.getVolumeMounts(), migrating.getVolumeMounts(), process + "'s Job mounts what it mounts");
            assertEquals(pod.getVolumes(), jobPod.getVolumes(), process + "'s Job has its volumes");
            assertEquals(pod.getServiceAccountName(), jobPod.getServiceAccountName());
            assertEquals(serving.getResources(), migrating.getResources(), process + "'s Job has its Deployment's requests and limits");
            assertEquals(serving.getImagePullPolicy(), migrating.getImagePullPolicy());
            assertEquals(pod.getSecurityContext(), jobPod.getSecurityContext(), process + "'s Job runs as its Deployment's user");
            assertTrue(jobPod.getSecurityContext().getRunAsNonRoot(), process + "'s Job runs as non-root");
            assertEquals("Never", jobPod.getRestartPolicy(), "a failed migration is retried as a new pod, its log kept");
            assertNotNull(job.getSpec().getActiveDeadlineSeconds(), "a Job waiting for PostgreSQL for ever fails instead");
            assertEquals(process, job.getMetadata().getLabels().get("app.kubernetes.io/name"));
            assertTrue(migrating.getPorts().isEmpty() && migrating.getLivenessProbe() == null && migrating.getReadinessProbe() == null
                    && migrating.getStartupProbe() == null, process + "'s Job serves nothing, and no probe kills a long migration");
        }
    }

    @Test
    void eachJobFileHoldsOnlyWhatAJobAdds() {
        Manifests committed = Base.all();
        for (String process : Casebook.WITH_DATABASE) {
            PodSpec pod = committed.get(Job.class, process + "-migration").getSpec().getTemplate().getSpec();
            Container migrating = pod.getContainers().get(0);
            // the base's replacements overwrite these with the Deployment's: a value written here would never apply
            assertTrue(migrating.getImage() == null && migrating.getEnv().isEmpty() && migrating.getResources() == null
                    && migrating.getVolumeMounts().isEmpty() && pod.getVolumes().isEmpty() && pod.getServiceAccountName() == null,
                    process + "'s Job file sets nothing that it copies from the Deployment");
        }
    }

    @Test
    void theMigrationSwitchIsOneThePlatformKnows() {
        String modes = Casebook.read(Casebook.root().resolve("platform/src/main/java/dev/casebook/platform/database/MigrationMode.java"));
        assertTrue(modes.contains("MIGRATE_AND_EXIT") && modes.contains("VALIDATE"), "platform's MigrationMode");
        assertTrue(Casebook.read(Casebook.platformProperties()).contains("casebook.database.migration=${CASEBOOK_DB_MIGRATION:migrate}"));
    }

    private static List<EnvVar> withoutMigrationMode(List<EnvVar> env) {
        return env.stream().filter(variable -> !Objects.equals(variable.getName(), "CASEBOOK_DB_MIGRATION"))
                .sorted(java.util.Comparator.comparing(EnvVar::getName)).toList();
    }
}
