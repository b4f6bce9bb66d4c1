package dev.casebook.gateway.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The gateway is ready when it can verify tokens: once it has fetched auth-service's key set (JWKS) with at least
 * one key. It stays ready after that, as the verifier keeps the keys it knows while auth-service is away
 * ({@code smallrye.jwt.jwks.retain-cache-on-error-duration}). Whether the services behind it are ready is not its
 * readiness (see {@link DownstreamHealth}).
 */
@ApplicationScoped
@Readiness
public class TokenKeys implements HealthCheck {

    public static final String CHECK = "token-keys";

    private static final Logger LOG = Logger.getLogger(TokenKeys.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);

    private final String location;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile int keys;
    private volatile String waitingFor = "not fetched yet";
    private volatile String lastFailure;

    public TokenKeys(@ConfigProperty(name = "mp.jwt.verify.publickey.location") String location) {
        this.location = location;
    }

    void fetchAtStart(@Observes StartupEvent started) {
        if (fetch()) {
            return;
        }
        // Until the keys are known; then nothing to do.
        Thread retry = new Thread(() -> {
            while (!fetch()) {
                try {
                    Thread.sleep(RETRY_EVERY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "token-keys");
        retry.setDaemon(true);
        retry.start();
    }

    /** True once the keys are known. */
    boolean fetch() {
        try {
            JsonNode set = json.readTree(read());
            int found = set.path("keys").size();
            if (found == 0) {
                failed("the key set at " + location + " has no key");
                return false;
            }
            keys = found;
            LOG.infof("Token keys known (%d from %s); the gateway verifies tokens", found, location);
            return true;
        } catch (Exception e) {
            failed("cannot fetch the key set from " + location + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return false;
        }
    }

    private String read() throws Exception {
        URI uri = URI.create(location);
        if ("file".equals(uri.getScheme())) {
            return Files.readString(Path.of(uri));
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("answered " + answer.statusCode());
        }
        return answer.body();
    }

    private void failed(String reason) {
        waitingFor = reason;
        if (!reason.equals(lastFailure)) {
            LOG.warnf("The gateway is not ready: %s; trying again every 2 s", reason);
            lastFailure = reason;
        }
    }

    @Override
    public HealthCheckResponse call() {
        return keys > 0 ? HealthCheckResponse.named(CHECK).up().withData("keys", keys).build()
                : HealthCheckResponse.named(CHECK).down().withData("waitingFor", waitingFor).build();
    }
}
