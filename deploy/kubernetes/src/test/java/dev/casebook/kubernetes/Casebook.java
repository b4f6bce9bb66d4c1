package dev.casebook.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where things are in the repository, and what each process reads: its application.properties over platform's. */
final class Casebook {

    /** The four processes a cluster runs, each with a Deployment of its own name. */
    static final List<String> PROCESSES = List.of("gateway", "auth-service", "casestudy-service", "metrics-service");
    /** Those that own a schema: they get database credentials and a migration Job. */
    static final List<String> WITH_DATABASE = List.of("auth-service", "casestudy-service", "metrics-service");
    static final List<String> OVERLAYS = List.of("staging", "production");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    private Casebook() {
    }

    static Path root() {
        return Path.of(System.getProperty("casebook.root", "../..")).toAbsolutePath().normalize();
    }

    static Path kubernetes() {
        return root().resolve("deploy/kubernetes");
    }

    static Path base() {
        return kubernetes().resolve("base");
    }

    static Path overlay(String name) {
        return kubernetes().resolve("overlays").resolve(name);
    }

    static Path applicationProperties(String process) {
        return root().resolve(process).resolve("src/main/resources/application.properties");
    }

    static Path platformProperties() {
        return root().resolve("platform/src/main/resources/META-INF/microprofile-config.properties");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A setting as the process sees it: its own application.properties first, then platform's defaults. */
    static String setting(String process, String key, String otherwise) {
        String own = properties(applicationProperties(process)).getProperty(key);
        return own != null ? own : properties(platformProperties()).getProperty(key, otherwise);
    }

    static int httpPort(String process) {
        return Integer.parseInt(setting(process, "quarkus.http.port", "8080"));
    }

    /** Every environment variable the process's configuration names, as ${NAME} or ${NAME:default}. */
    static Set<String> variablesRead(String process) {
        Set<String> names = new TreeSet<>();
        for (Path file : List.of(applicationProperties(process), platformProperties())) {
            Matcher matcher = ENV_REFERENCE.matcher(read(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /**
     * The variables that set a property the process's own application.properties configures, by Quarkus's mapping
     * (quarkus.http.cors.origins from QUARKUS_HTTP_CORS_ORIGINS).
     */
    static Set<String> propertyVariables(String process) {
        Set<String> names = new TreeSet<>();
        for (String key : properties(applicationProperties(process)).stringPropertyNames()) {
            if (!key.startsWith("%")) {
                names.add(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            }
        }
        return names;
    }

    /** The variables the process cannot start without: named with no default, in its own file or platform's. */
    static Set<String> variablesRequired(String process) {
        Set<String> names = new TreeSet<>();
        for (Path file : List.of(applicationProperties(process), platformProperties())) {
            for (String line : read(file).lines().filter(l -> !l.startsWith("#") && !l.startsWith("%")).toList()) {
                Matcher matcher = ENV_REFERENCE.matcher(line);
                while (matcher.find()) {
                    if (matcher.group(2).isEmpty()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        return names;
    }
}
