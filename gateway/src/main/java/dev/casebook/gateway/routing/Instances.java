package dev.casebook.gateway.routing;

import io.smallrye.stork.Stork;
import io.smallrye.stork.api.NoServiceInstanceFoundException;
import io.smallrye.stork.api.Service;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which instance of a service takes the next request. SmallRye Stork knows each route's instances (a static list:
 * locally the replicas' addresses, in Kubernetes the Service's DNS name) and takes them in turn. An instance that
 * refused a connection (gone), or said it is stopping ({@code Connection: close} while it drains), sits out: a
 * second, then twice as long each time in a row, up to {@link #LONGEST_PAUSE}; after that one request tries it, and
 * a connection it accepts brings it back. Stork's
 * own failure-aware balancer (least-response-time) keeps choosing an instance that refuses at once, since a refusal
 * is quick, hence this. When every instance sits out, the one back soonest is tried.
 *
 * <p>A request does not ask Stork for the instances: each service's list is kept ({@link Listing}) and asked for
 * again at most every {@link #LISTING_REFRESH} (Stork refreshes a discovery that can change on its own schedule), or
 * at once after an instance refused a connection. With no instance sitting out, choosing is a round robin over that
 * list, with nothing filtered or copied.
 */
final class Instances {

    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Duration LISTING_REFRESH = Duration.ofSeconds(1);

    /** An instance sitting out: until when, and for how long the last time. */
    private record Pause(long untilNanos, Duration length) {
    }

    private final Map<String, Pause> paused = new ConcurrentHashMap<>();
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();

    Instances(List<Downstream> downstreams) {
        for (Downstream downstream : downstreams) {
            Stork.getInstance().defineIfAbsent(downstream.name(), ServiceDefinition.of(
                    new StaticConfiguration()
                            .withAddressList(String.join(",", downstream.addresses()))
                            .withSecure(Boolean.toString(downstream.ssl())),
                    new RoundRobinConfiguration()));
            listings.put(downstream.name(), new Listing(Stork.getInstance().getService(downstream.name())));
        }
    }

    /** The instance for the next call to {@code downstream}. */
    Future<ServiceInstance> select(Downstream downstream) {
        Listing listing = listings.get(downstream.name());
        Future<List<ServiceInstance>> instances = listing.instances();
        return instances.succeeded()
                ? Future.succeededFuture(choose(listing, instances.result()))
                : instances.map(all -> choose(listing, all));
    }

    private ServiceInstance choose(Listing listing, List<ServiceInstance> all) {
        if (paused.isEmpty()) {
            return listing.inTurn(all);
        }
        long now = System.nanoTime();
        List<ServiceInstance> taking = all.stream().filter(instance -> !sittingOut(instance, now)).toList();
        return taking.isEmpty()
                ? all.stream().min(Comparator.comparingLong(instance -> paused.get(key(instance)).untilNanos())).orElseThrow()
                : listing.inTurn(taking);
    }

    /** It refused a connection: it sits out, longer each time in a row; Stork is asked for the instances again. */
    void refused(ServiceInstance instance) {
        listings.values().forEach(Listing::askAgain);
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

    /**
     * A service's instances as Stork last listed them (in the order of their ids), and whose turn it is. The list in
     * hand keeps serving while Stork is asked again; one request at a time asks.
     */
    private static final class Listing {

        private final Service service;
        private final AtomicInteger turn = new AtomicInteger();
        private final AtomicBoolean asking = new AtomicBoolean();
        private volatile Future<List<ServiceInstance>> latest;
        private volatile long dueNanos;

        Listing(Service service) {
            this.service = service;
            this.latest = ask();
            this.dueNanos = System.nanoTime() + LISTING_REFRESH.toNanos();
        }

        Future<List<ServiceInstance>> instances() {
            Future<List<ServiceInstance>> current = latest;
            if (current.isComplete() && System.nanoTime() - dueNanos >= 0 && asking.compareAndSet(false, true)) {
                Future<List<ServiceInstance>> next = ask();
                next.onComplete(done -> {
                    if (done.succeeded() || current.failed()) {
                        latest = next;
                    }
                    dueNanos = System.nanoTime() + LISTING_REFRESH.toNanos();
                    asking.set(false);
                });
                return current.failed() ? next : current;
            }
            return current;
        }

        /** Round robin, as Stork's, without its copy and sort of the list at every call. */
        ServiceInstance inTurn(List<ServiceInstance> instances) {
            if (instances.isEmpty()) {
                throw new NoServiceInstanceFoundException("No instance of " + service.getServiceName() + " is listed");
            }
            return instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
        }

        void askAgain() {
            dueNanos = System.nanoTime();
        }

        private Future<List<ServiceInstance>> ask() {
            return Future.fromCompletionStage(service.getInstances()
                    .map(listed -> listed.stream().sorted(Comparator.comparingLong(ServiceInstance::getId)).toList())
                    .subscribeAsCompletionStage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
