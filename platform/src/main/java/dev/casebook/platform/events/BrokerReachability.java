package dev.casebook.platform.events;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service's view of its Kafka broker, checked every few seconds with short timeouts, in the health group
 * {@value #GROUP} ({@code /q/health/group/kafka}), which answers from the last check at once (Quarkus's own Kafka check
 * waits up to a minute on a broker that is down). It is not part of readiness: while the broker is away, writes go on
 * into the outbox, so the service still takes traffic. The log says once, in one line, when the broker cannot be
 * reached and once when it can again; the Kafka clients' own connection warnings, which repeat every second, are
 * turned down in the shared config.
 */
@ApplicationScoped
@HealthGroup(BrokerReachability.GROUP)
@IfBuildProperty(name = "casebook.events.enabled", stringValue = "true")
public class BrokerReachability implements HealthCheck {

    public static final String CHECK = "kafka-broker";
    /** The health group of everything Kafka: {@code /q/health/group/kafka}. */
    public static final String GROUP = "kafka";

    private static final Logger LOG = Logger.getLogger(BrokerReachability.class);

    private final KafkaConnection kafka;
    private final String bootstrapServers;
    private volatile Boolean reachable;
    private volatile String lastReason = "not checked yet";

    public BrokerReachability(KafkaConnection kafka) {
        this.kafka = kafka;
        this.bootstrapServers = kafka.bootstrapServers();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        boolean now;
        String reason = null;
        // Logged in as the channels are: a broker that refuses this service's login shows DOWN here, and says why.
        Map<String, Object> config = kafka.clientConfig();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(4, TimeUnit.SECONDS);
            now = true;
        } catch (InterruptedException e) {
            // The service is stopping: that says nothing about the broker.
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            now = false;
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        }
        lastReason = reason;
        if (reachable == null || reachable != now) {
            if (now && reachable != null) {
                LOG.infof("Kafka at %s is reachable again", bootstrapServers);
            } else if (!now) {
                LOG.warnf("Kafka at %s is not reachable (%s); events wait in the outbox, the service stays ready, and /q/health/group/kafka is DOWN until it is back",
                        bootstrapServers, reason);
            }
            reachable = now;
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(CHECK).withData("bootstrapServers", bootstrapServers);
        return Boolean.TRUE.equals(reachable) ? response.up().build()
                : response.down().withData("reason", lastReason == null ? "not checked yet" : lastReason).build();
    }
}
