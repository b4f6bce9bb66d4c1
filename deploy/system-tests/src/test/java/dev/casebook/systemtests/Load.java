package dev.casebook.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A steady load through the gateways, as clients behind a Kubernetes Service make it: each request goes to a gateway
 * whose readiness said yes at the last look (every 100 ms, as an endpoints controller would see it). Writers create a
 * case study and submit it; readers read what was written. Every answer that is not what it should be is kept, with
 * its request id, so a test can show it.
 */
final class Load implements AutoCloseable {

    /**
     * A create answered 2xx: the case study, and whether its submit was answered 2xx ({@code true}), refused
     * ({@code false}) or met a failure that leaves it open whether it took effect ({@code null}: a 5xx or a broken
     * connection, which only a killed instance causes).
     */
    record Written(String id, Boolean submitted) {
    }

    private static final int WRITERS = 2;
    private static final int READERS = 2;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    // A steady load, not a saturating one: on a 2-core machine a closed loop as fast as it goes starves the instance
    // that starts, and a rolling restart then measures the CPU, not the handover.
    private static final Duration WRITE_EVERY = Duration.ofMillis(250);
    private static final Duration READ_EVERY = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> gateways;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> ready = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Written> written = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    private Load(List<String> gateways, String token) {
        this.gateways = gateways;
        this.token = token;
    }

    static Load start(List<String> gateways, String token) {
        Load load = new Load(gateways, token);
        load.watchReadiness();
        load.spawn("ready-gateways", load::watchReadinessUntilStopped);
        for (int i = 0; i < WRITERS; i++) {
            load.spawn("writer-" + i, load::write);
        }
        for (int i = 0; i < READERS; i++) {
            load.spawn("reader-" + i, load::read);
        }
        return load;
    }

    void keepGoingFor(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** Stops the load, waits for requests in flight, and returns the writes answered 2xx. */
    List<Written> stopAndReport() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(REQUEST_TIMEOUT.toMillis() * 2);
        }
        return List.copyOf(written);
    }

    /** Each answer that was not what it should be: method, path, status or failure, request id, body. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private void write() {
        while (running.get()) {
            paced(WRITE_EVERY, this::writeOne);
        }
    }

    private void writeOne() {
        String title = "Scaled out " + UUID.randomUUID();
        HttpResponse<String> created = send("POST", "/api/case-studies",
                Map.of("title", title, "summary", "Written while instances restart"), 201);
        if (created == null) {
            return;
        }
        String id = idOf(created.body());
        int before = failures.size();
        HttpResponse<String> submitted = send("POST", "/api/case-studies/" + id + "/submit", null, 200);
        written.add(new Written(id, submitted != null ? Boolean.TRUE : unsure(before) ? null : Boolean.FALSE));
    }

    private void read() {
        while (running.get()) {
            paced(READ_EVERY, () -> {
                Written some = written.peek();
                if (some == null) {
                    send("GET", "/api/case-studies?size=5", null, 200);
                } else {
                    send("GET", "/api/case-studies/" + some.id(), null, 200);
                }
            });
        }
    }

    /** Does {@code work}, then waits out what is left of {@code interval}: a steady rate, not as fast as it goes. */
    private void paced(Duration interval, Runnable work) {
        long start = System.nanoTime();
        work.run();
        long left = interval.toNanos() - (System.nanoTime() - start);
        if (left > 0 && running.get()) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }

    /**
     * One request to a ready gateway, with an Idempotency-Key for writes as a careful client sends; the answer when
     * it has the {@code expected} status, else null with the failure kept.
     */
    private HttpResponse<String> send(String method, String path, Object body, int expected) {
        String gateway = pickGateway();
        String requestId = "load-" + UUID.randomUUID();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("X-Request-Id", requestId);
            if (method.equals("POST")) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == expected) {
                return response;
            }
            failures.add(method + " " + path + " via " + gateway + ": " + response.statusCode() + " [" + requestId + "] "
                    + response.body());
        } catch (IOException e) {
            failures.add(method + " " + path + " via " + gateway + ": " + e + " [" + requestId + "]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
        return null;
    }

    /** Whether the failure kept since {@code before} leaves the outcome open: a 5xx or no answer at all. */
    private boolean unsure(int before) {
        return failures.stream().skip(before).anyMatch(failure -> failure.contains(": 5") || failure.contains("Exception"));
    }

    private String pickGateway() {
        List<String> candidates = ready.isEmpty() ? gateways : ready;
        return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
    }

    private void watchReadinessUntilStopped() {
        while (running.get()) {
            watchReadiness();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void watchReadiness() {
        for (String gateway : gateways) {
            boolean up;
            try {
                up = client.send(HttpRequest.newBuilder(URI.create(gateway + "/q/health/ready")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                up = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (up && !ready.contains(gateway)) {
                ready.add(gateway);
            } else if (!up) {
                ready.remove(gateway);
            }
        }
    }

    private static String idOf(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("A create answered 201 without a readable body: " + body, e);
        }
    }

    private void spawn(String name, Runnable work) {
        Thread thread = new Thread(work, "load-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        stopAndReport();
    }
}
