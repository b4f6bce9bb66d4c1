package dev.casebook.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaRuntimeTest {

    @TempDir
    Path dir;

    @Test
    void unsetOrCurrentIsTheRunnersOwnJdk() {
        assertEquals(JavaRuntime.current(), JavaRuntime.chosen(null, dir));
        assertEquals(JavaRuntime.current(), JavaRuntime.chosen("current", dir));
    }

    @Test
    void autoTakesTheNewestJdkThatKeepsAnAotCache() throws IOException {
        jdk("jdk-17", "17.0.15");
        Path newest = jdk("jdk-26", "26.0.1");
        jdk("jdk-25", "25.0.3");
        Files.createDirectories(dir.resolve("not-a-jdk"));

        JavaRuntime chosen = JavaRuntime.chosen("auto", dir);

        assertEquals(newest, chosen.home());
        assertEquals(26, chosen.feature());
    }

    @Test
    void autoWithoutANewerJdkKeepsTheRunnersOwn() throws IOException {
        jdk("jdk-17", "17.0.15");
        assertEquals(JavaRuntime.current(), JavaRuntime.chosen("auto", dir));
    }

    @Test
    void aPathMustBeAJdk() throws IOException {
        Path home = jdk("jdk-25", "25.0.3");
        assertEquals(new JavaRuntime(home, "25.0.3"), JavaRuntime.chosen(home.toString(), dir));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> JavaRuntime.chosen(dir.resolve("nowhere").toString(), dir));
        assertTrue(refused.getMessage().contains("is not a JDK"), refused.getMessage());
    }

    @Test
    void beforeJdk25NoCacheIsRecordedOrUsed() throws IOException {
        Path jar = application();
        assertEquals(List.of(), new JavaRuntime(dir, "17.0.15").startupCacheOptions(jar, true));
    }

    @Test
    void aServiceWithoutACacheRecordsOneOnlyWhereAllowed() throws IOException {
        JavaRuntime jdk25 = new JavaRuntime(dir, "25.0.3");
        Path jar = application();

        assertEquals(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + jdk25.aotCache(jar) + "conf"),
                jdk25.startupCacheOptions(jar, true));
        assertEquals(List.of(), jdk25.startupCacheOptions(jar, false));
        assertFalse(jdk25.hasRecording(jar));
    }

    @Test
    void aRecordingNewerThanTheApplicationIsMadeIntoACacheOnce() throws IOException {
        JavaRuntime jdk25 = new JavaRuntime(dir, "25.0.3");
        Path jar = application();
        Path recording = jar.resolveSibling("casebook-jdk-25.0.3.aotconf");
        Files.writeString(recording, "recorded");
        Files.setLastModifiedTime(recording, FileTime.from(Instant.now().plusSeconds(60)));

        assertTrue(jdk25.hasRecording(jar));

        Path cache = jdk25.aotCache(jar);
        Files.writeString(cache, "made");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(60)));
        assertFalse(jdk25.hasRecording(jar));
    }

    @Test
    void aCacheNewerThanTheApplicationIsUsedAndAStaleOneRecordedAgain() throws IOException {
        JavaRuntime jdk25 = new JavaRuntime(dir, "25.0.3");
        Path jar = application();
        Path cache = jdk25.aotCache(jar);
        Files.writeString(cache, "recorded");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().plusSeconds(60)));

        assertEquals(List.of("-XX:AOTCache=" + cache), jdk25.startupCacheOptions(jar, false));
        assertTrue(jdk25.hasCache(jar));

        // A rebuilt library, after the cache was recorded.
        Files.setLastModifiedTime(jar.resolveSibling("lib/main/library.jar"), FileTime.from(Instant.now().plusSeconds(120)));
        assertEquals(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + cache + "conf"),
                jdk25.startupCacheOptions(jar, true));
    }

    @Test
    void eachJdkVersionHasItsOwnCacheBesideTheJar() throws IOException {
        Path jar = application();
        assertEquals(jar.resolveSibling("casebook-jdk-25.0.3.aot"), new JavaRuntime(dir, "25.0.3").aotCache(jar));
        assertEquals(jar.resolveSibling("casebook-jdk-26_ea_12.aot"), new JavaRuntime(dir, "26-ea+12").aotCache(jar));
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private Path application() throws IOException {
        Path app = Files.createDirectories(dir.resolve("quarkus-app"));
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("lib/main/library.jar"), "library");
        return Files.writeString(app.resolve("quarkus-run.jar"), "jar");
    }
}
