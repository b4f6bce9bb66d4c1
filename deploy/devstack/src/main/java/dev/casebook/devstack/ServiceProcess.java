package dev.casebook.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One packaged Casebook service running as its own JVM, the way it runs in production: started from
 * its {@code quarkus-run.jar}, configured by environment variables, judged ready by its readiness check.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final int KEPT_LINES = 200;

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> javaOptions;
    private final JavaRuntime runtime;
    private final boolean mayRecordStartupCache;
    private final Consumer<String> log;
    private final Deque<String> recentLines = new ArrayDeque<>();
    private Process process;
    private Instant startedAt;
    /** Whether this run of the process was asked to end: one flag per run, so a restart cannot clear the last one's. */
    private volatile AtomicBoolean askedToEnd = new AtomicBoolean();

    /**
     * @param log receives every line the service prints, prefixed with its name
     */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> javaOptions,
                          Consumer<String> log) {
        this(name, jar, port, environment, javaOptions, JavaRuntime.current(), false, log);
    }

    /**
     * @param runtime               the JDK that runs the service
     * @param mayRecordStartupCache whether this instance records the service's start-up cache when it has none
     *                              ({@link JavaRuntime#startupCacheOptions}); one instance per service at most
     */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> javaOptions,
                          JavaRuntime runtime, boolean mayRecordStartupCache, Consumer<String> log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.javaOptions = List.copyOf(javaOptions);
        this.runtime = runtime;
        this.mayRecordStartupCache = mayRecordStartupCache;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " is not built: " + jar + " is missing (run mvn -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(runtime.java().toString());
        command.addAll(javaOptions);
        command.addAll(runtime.startupCacheOptions(jar, mayRecordStartupCache));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // A stack on a developer's machine answers that machine only, unless QUARKUS_HTTP_HOST says otherwise.
        builder.environment().putIfAbsent("QUARKUS_HTTP_HOST", "127.0.0.1");
        startedAt = Instant.now();
        AtomicBoolean asked = new AtomicBoolean();
        askedToEnd = asked;
        process = builder.start();
        Process started = process;
        // Whoever watches the log learns at once that a service is gone, rather than from failing requests.
        started.onExit().thenAccept(ended -> {
            if (!asked.get()) {
                log.accept(name + " | exited unexpectedly with code " + ended.exitValue());
            }
        });
        Thread pump = new Thread(() -> pumpOutput(started), name + "-log");
        pump.setDaemon(true);
        pump.start();
    }

    private void pumpOutput(Process started) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (recentLines) {
                    recentLines.addLast(line);
                    if (recentLines.size() > KEPT_LINES) {
                        recentLines.removeFirst();
                    }
                }
                log.accept(name + " | " + line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process dies. */
    public void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + "; last lines:\n" + recentOutput());
            }
            if (readinessStatus() == 200) {
                return;
            }
            sleep(250);
        }
        throw new IOException(name + " not ready after " + timeout.toSeconds() + " s; last lines:\n" + recentOutput());
    }

    /** The status of the readiness check, or -1 when nothing answers. */
    public int readinessStatus() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Time from start to now; called right after {@link #awaitReady} it is the time to ready. */
    public Duration sinceStart() {
        return Duration.between(startedAt, Instant.now());
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Asks the service to stop (SIGTERM) and waits for it, as an orchestrator would. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the service at once (SIGKILL): no shutdown hooks, no flushing. */
    public synchronized void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null || !process.isAlive()) {
            return;
        }
        askedToEnd.set(true);
        try {
            if (forcibly) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } else {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public String recentOutput() {
        synchronized (recentLines) {
            return String.join("\n", recentLines);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
