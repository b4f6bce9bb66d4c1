package dev.casebook.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casebook.gateway.config.GatewayConfig;
import dev.casebook.gateway.routing.Downstream;
import dev.casebook.gateway.routing.DownstreamUnreachable;
import dev.casebook.gateway.routing.Downstreams;
import dev.casebook.gateway.security.AccessPolicy;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The merged API description, made from each service's {@code /q/openapi} and kept for {@code cache-for}:
 * many readers at once cause one round of fetching. A service that does not hand over its description in
 * {@code fetch-timeout} is left out, with a note, rather than failing the whole document.
 */
@ApplicationScoped
public class MergedApiDocument {

    private static final Logger LOG = Logger.getLogger(MergedApiDocument.class);
    static final String SERVICE_DOCUMENT = "/q/openapi?format=json";

    private final Downstreams downstreams;
    private final ObjectMapper json;
    private final ApiDocumentMerger merger;
    private final long cacheForNanos;
    private final Duration fetchTimeout;
    private final AtomicReference<Made> latest = new AtomicReference<>();

    public MergedApiDocument(Downstreams downstreams, ObjectMapper json, AccessPolicy policy, GatewayConfig config,
                             @ConfigProperty(name = "quarkus.application.version", defaultValue = "0") String version) {
        this.downstreams = downstreams;
        this.json = json;
        this.merger = new ApiDocumentMerger(json, policy, version);
        this.cacheForNanos = config.openapi().cacheFor().toNanos();
        this.fetchTimeout = config.openapi().fetchTimeout();
    }

    public Future<ObjectNode> current() {
        while (true) {
            Made made = latest.get();
            long now = System.nanoTime();
            if (made != null && now - made.at() < cacheForNanos) {
                return made.document();
            }
            Promise<ObjectNode> document = Promise.promise();
            Made fresh = new Made(now, document.future());
            if (latest.compareAndSet(made, fresh)) {
                assemble().onComplete(result -> {
                    if (result.failed()) {
                        latest.compareAndSet(fresh, null); // do not keep a failure
                    }
                    document.handle(result);
                });
                return document.future();
            }
            // Someone else started a fresh one just now: take that.
        }
    }

    private Future<ObjectNode> assemble() {
        List<Future<ServiceDocument>> fetched = downstreams.all().stream().map(this::fetch).toList();
        return Future.all(fetched).map(ignored -> merger.merge(fetched.stream().map(Future::result).toList()));
    }

    private Future<ServiceDocument> fetch(Downstream downstream) {
        return downstreams.open(downstream, fetchTimeout)
                .compose(request -> request.setMethod(HttpMethod.GET).setURI(SERVICE_DOCUMENT)
                        .putHeader("Accept", "application/json").send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture(new IllegalStateException("its description answered " + response.statusCode())))
                .map(body -> ServiceDocument.of(downstream.name(), downstream.prefix(), parse(body)))
                .otherwise(failure -> {
                    String reason = reason(failure);
                    LOG.warnf("The API description leaves out %s: %s", downstream.name(), reason);
                    return ServiceDocument.missing(downstream.name(), downstream.prefix(), reason);
                });
    }

    private ObjectNode parse(Buffer body) {
        try {
            JsonNode document = json.readTree(body.getBytes());
            if (document instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("its description is not a JSON object");
        } catch (IOException e) {
            throw new IllegalStateException("its description is not JSON", e);
        }
    }

    private String reason(Throwable failure) {
        if (failure instanceof DownstreamUnreachable unreachable) {
            return "not reachable: " + unreachable.reason();
        }
        if (failure instanceof TimeoutException) {
            return "no answer within " + fetchTimeout.toMillis() + " ms";
        }
        return failure.getMessage();
    }

    private record Made(long at, Future<ObjectNode> document) {
    }
}
