package dev.casebook.gateway.routing;

import io.smallrye.stork.Stork;
import io.smallrye.stork.api.ServiceDefinition;
import io.smallrye.stork.api.ServiceInstance;
import io.smallrye.stork.impl.RoundRobinConfiguration;
import io.smallrye.stork.servicediscovery.staticlist.StaticConfiguration;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which instance of a service takes the next request. SmallRye Stork knows each route's instances (a static list:
 * locally the replicas' addresses, in Kubernetes the Service's DNS name) and takes them in turn. An instance that
 * refused a connection (gone), or said it is stopping ({@code Connection: close} while it drains), sits out: a
 * second, then twice as long each time in a row, up to {@link #LONGEST_PAUSE}; after that one request tries it, and
 * a connection it accepts brings it back. Stork's
 * own failure-aware balancer (least-response-time) keeps choosing an instance that refuses at once, since a refusal
 * is quick, hence this. When every instance sits out, the one back soonest is tried.
 */
final class Instances {

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** An instance sitting out: until when, and for how long the last time. */
    private record Pause(long untilNanos, Duration length) {
    }

    private final Map<String, Pause> paused = new ConcurrentHashMap<>();

    Instances(List<Downstream> downstreams) {
        for (Downstream downstream : downstreams) {
            Stork.getInstance().defineIfAbsent(downstream.name(), ServiceDefinition.of(
                    new StaticConfiguration()
                            .withAddressList(String.join(",", downstream.addresses()))
                            .withSecure(Boolean.toString(downstream.ssl())),
                    new RoundRobinConfiguration()));
        }
    }

    /** The instance for the next call to {@code downstream}. */
    Future<ServiceInstance> select(Downstream downstream) {
        var service = Stork.getInstance().getService(downstream.name());
        return Future.fromCompletionStage(service.getInstances().subscribeAsCompletionStage()).map(all -> {
            long now = System.nanoTime();
            List<ServiceInstance> taking = all.stream().filter(instance -> !sittingOut(instance, now)).toList();
            return taking.isEmpty()
                    ? all.stream().min(Comparator.comparingLong(instance -> paused.get(key(instance)).untilNanos())).orElseThrow()
                    : service.selectInstance(taking);
        });
    }

    /** It refused a connection: it sits out, longer each time in a row. */
    void refused(ServiceInstance instance) {
        paused.compute(key(instance), (key, last) -> {
            Duration length = last == null ? FIRST_PAUSE : min(last.length().multipliedBy(2), LONGEST_PAUSE);
            return new Pause(System.nanoTime() + length.toNanos(), length);
        });
    }

    /**
     * It said it is stopping (an answer with {@code Connection: close}, as a service sends while it drains): it sits
     * out as after a refusal, so the requests after this one go to the other instances.
     */
    void draining(ServiceInstance instance) {
        refused(instance);
    }

    /** It took a connection: it is back. */
    void connected(ServiceInstance instance) {
        Pause pause = paused.isEmpty() ? null : paused.get(key(instance));
        if (pause != null && System.nanoTime() >= pause.untilNanos()) {
            paused.remove(key(instance)); // a connection within the pause was one lent before it, not a sign of return
        }
    }

    private boolean sittingOut(ServiceInstance instance, long now) {
        Pause pause = paused.get(key(instance));
        return pause != null && now < pause.untilNanos();
    }

    private static String key(ServiceInstance instance) {
        return instance.getHost() + ":" + instance.getPort();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
