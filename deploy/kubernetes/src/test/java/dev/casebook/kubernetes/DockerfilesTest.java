package dev.casebook.kubernetes;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's image, for an engine (src/main/docker/Dockerfile.jvm) or with Jib (platform's quarkus.jib.*): the
 * fast-jar on one base, as a non-root user, with a heap that follows the container's memory limit.
 */
class DockerfilesTest {

    @Test
    void eachServiceHasItsDockerfileFromTheFastJar() {
        for (String process : Casebook.PROCESSES) {
            Path file = Casebook.root().resolve(process).resolve("src/main/docker/Dockerfile.jvm");
            assertTrue(Files.exists(file), file + " is missing");
            String dockerfile = Casebook.read(file);
            assertTrue(dockerfile.contains("COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/"), "the fast-jar's layers");
            assertTrue(dockerfile.contains("\nUSER 185\n"), process + " runs as 185, not root");
            assertTrue(dockerfile.contains("-XX:MaxRAMPercentage="), process + "'s heap follows the container's memory");
            assertTrue(dockerfile.contains("\nEXPOSE " + Casebook.httpPort(process) + "\n"), process + "'s port");
            assertEquals(Casebook.read(Casebook.root().resolve("gateway/src/main/docker/Dockerfile.jvm"))
                            .replace("gateway", process).replace("EXPOSE 8080", "EXPOSE " + Casebook.httpPort(process)),
                    dockerfile, "the four Dockerfiles differ only in their service's name and port");
        }
    }

    @Test
    void jibBuildsTheSameImage() {
        String dockerfile = Casebook.read(Casebook.root().resolve("gateway/src/main/docker/Dockerfile.jvm"));
        var platform = Casebook.properties(Casebook.platformProperties());
        assertTrue(dockerfile.contains("FROM " + platform.getProperty("quarkus.jib.base-jvm-image") + "\n"), "one base image");
        assertEquals("185", platform.getProperty("quarkus.jib.user"));
        for (String option : platform.getProperty("quarkus.jib.jvm-additional-arguments").split(",")) {
            assertTrue(dockerfile.contains(option), "the Dockerfile's JVM options include " + option);
        }
        assertEquals("false", platform.getProperty("quarkus.container-image.build"), "the default build needs no registry");
    }
}
