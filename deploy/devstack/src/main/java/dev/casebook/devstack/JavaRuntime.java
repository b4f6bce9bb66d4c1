package dev.casebook.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JDK the services run on, and the start-up cache it keeps for each of them.
 *
 * <p>Why: a service spends most of its start loading and linking the same few thousand classes and warming up the same
 * methods. From JDK 25 the JVM can record that once ({@code -XX:AOTMode=record}, written when the service stops),
 * make a cache of it ({@code -XX:AOTMode=create}) and start from the cache afterwards ({@code -XX:AOTCache}), which
 * takes the time to ready from about 5 s to 3 s on two cores. (The one-step {@code -XX:AOTCacheOutput} makes the cache
 * in a JVM the service starts while it exits; under the runner, which stops every service at once, that JVM did not
 * finish, so the runner makes the caches itself once the services have stopped.) The build stays at Java
 * 17; only the runner picks a newer JDK when one is there. A cache is kept beside the service's jar, one per JDK
 * version, and trained again when the service was rebuilt after it.
 *
 * @param home    the JDK's home
 * @param version its full version ({@code JAVA_VERSION} of its {@code release} file), such as {@code 25.0.3}
 */
public record JavaRuntime(Path home, String version) {

    /**
     * Which JDK runs the services: unset or {@code current}, the runner's own; {@code auto}, the newest JDK of at
     * least {@value #AOT_CACHE_SINCE} among the runner's own and those in {@code /usr/lib/jvm} (the runner's own
     * when there is none); otherwise the home of a JDK.
     */
    public static final String VARIABLE = "CASEBOOK_SERVICE_JAVA";

    static final int AOT_CACHE_SINCE = 25;
    private static final Path SYSTEM_JDKS = Path.of("/usr/lib/jvm");

    /** The runner's own JDK. */
    public static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home")), System.getProperty("java.version"));
    }

    /** The JDK {@link #VARIABLE} names in {@code environment}. */
    public static JavaRuntime chosen(Map<String, String> environment) {
        return chosen(environment.get(VARIABLE), SYSTEM_JDKS);
    }

    static JavaRuntime chosen(String choice, Path systemJdks) {
        if (choice == null || choice.isBlank() || choice.equals("current")) {
            return current();
        }
        if (choice.equals("auto")) {
            return newestWithAotCache(systemJdks).orElse(current());
        }
        return of(Path.of(choice)).orElseThrow(() -> new IllegalArgumentException(
                VARIABLE + "=" + choice + " is not a JDK: it has no bin/java and no release file naming its version"));
    }

    /** The JDK at {@code home}, if it is one: a {@code bin/java} and a {@code release} file with its version. */
    static Optional<JavaRuntime> of(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", "").trim())
                    .findFirst()
                    .map(version -> new JavaRuntime(home, version));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<JavaRuntime> newestWithAotCache(Path systemJdks) {
        List<JavaRuntime> installed;
        try (Stream<Path> homes = Files.isDirectory(systemJdks) ? Files.list(systemJdks) : Stream.empty()) {
            installed = homes.map(JavaRuntime::of).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            installed = List.of();
        }
        return Stream.concat(Stream.of(current()), installed.stream())
                .filter(JavaRuntime::keepsAotCache)
                .max(Comparator.comparingInt(JavaRuntime::feature).thenComparing(JavaRuntime::version));
    }

    /** The feature release: 17 for {@code 17.0.15}, 25 for {@code 25.0.3} or {@code 25}. */
    public int feature() {
        String first = version.split("[.+-]", 2)[0];
        return first.chars().allMatch(Character::isDigit) && !first.isEmpty() ? Integer.parseInt(first) : 0;
    }

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    public boolean keepsAotCache() {
        return feature() >= AOT_CACHE_SINCE;
    }

    /**
     * The options that start {@code jar} from its cache when it has a fresh one, or record what the service loads
     * when {@code mayRecord} (one instance of a service only: two would write the same file); none before JDK 25.
     */
    public List<String> startupCacheOptions(Path jar, boolean mayRecord) {
        if (!keepsAotCache()) {
            return List.of();
        }
        if (hasCache(jar)) {
            return List.of("-XX:AOTCache=" + aotCache(jar));
        }
        return mayRecord ? List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + recording(jar)) : List.of();
    }

    /** Whether {@code jar} has a cache for this JDK made since it was last built. */
    public boolean hasCache(Path jar) {
        return keepsAotCache() && isFresh(aotCache(jar), jar);
    }

    /** Whether a run recorded what {@code jar} loads, and its cache is still to be made from that record. */
    public boolean hasRecording(Path jar) {
        return keepsAotCache() && isFresh(recording(jar), jar) && !hasCache(jar);
    }

    /**
     * Makes {@code jar}'s cache from its run's record, in a JVM of its own (a few seconds), then drops the record.
     * Run once the service has stopped: its record is written when it exits.
     */
    public void createCache(Path jar, List<String> javaOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + recording(jar),
                "-XX:AOTCache=" + aotCache(jar), "-cp", jar.toString()));
        Process create = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean made = create.waitFor(2, TimeUnit.MINUTES) && create.exitValue() == 0;
        if (!made) {
            create.destroyForcibly();
            Files.deleteIfExists(aotCache(jar));
        }
        Files.deleteIfExists(recording(jar));
        if (!made) {
            throw new IOException("the JVM could not make " + aotCache(jar) + " (" + String.join(" ", command) + ")");
        }
    }

    /** Where {@code jar}'s cache for this JDK lives: beside it, so that a clean build drops it. */
    public Path aotCache(Path jar) {
        return jar.resolveSibling("casebook-jdk-" + version.replaceAll("[^0-9A-Za-z.]", "_") + ".aot");
    }

    private Path recording(Path jar) {
        return aotCache(jar).resolveSibling(aotCache(jar).getFileName() + "conf");
    }

    private static boolean isFresh(Path file, Path jar) {
        return Files.isRegularFile(file) && newerThanEverythingBeside(file, jar.getParent());
    }

    // The JVM refuses a cache whose class path changed, but says so only in a warning: a rebuilt jar or library
    // means recording again rather than starting without a cache.
    private static boolean newerThanEverythingBeside(Path cache, Path application) {
        try (Stream<Path> files = Files.walk(application)) {
            FileTime recorded = Files.getLastModifiedTime(cache);
            return files.filter(file -> !file.getFileName().toString().endsWith(".aot")
                            && !file.getFileName().toString().endsWith(".aotconf"))
                    .filter(Files::isRegularFile)
                    .allMatch(file -> lastModified(file).compareTo(recorded) < 0);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
