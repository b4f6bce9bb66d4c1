package dev.casebook.gateway.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;

import java.net.ConnectException;
import java.util.Set;

/**
 * When a kept-alive connection to a service closes just as the gateway uses it (the pool lent it while it
 * was closing, as happens right after clients hung up mid-answer), the service is fine and the request
 * deserves a second connection, as a reverse proxy such as nginx gives it. Sent again, once:
 * The same holds when an instance refuses the connection (it is stopping or gone): the request never left, and
 * goes to an instance the balancer picks now, which steers away from the one that refused ({@link Instances}).
 * <ul>
 *   <li>any request, when the connection closed before the request was sent, or could not be made;</li>
 *   <li>a request without a body whose method changes nothing (GET, HEAD, OPTIONS), when it closed after: the
 *       service may have received it, which does no harm for these. Anything else may have been acted on,
 *       and the client decides.</li>
 * </ul>
 */
final class StaleConnections {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private StaleConnections() {
    }

    static boolean mayResend(Throwable failure, HttpServerRequest client) {
        // A reset is a closing connection too, as an instance that stops may leave one.
        return closedBeforeSending(failure) || ServiceFailures.connectionWentAway(failure) && safeWithoutBody(client);
    }

    /** The client's body stream is spent once sent: a bodiless request goes again with an empty one. */
    static void prepareResend(Throwable failure, ProxyRequest request) {
        if (!closedBeforeSending(failure)) {
            request.setBody(Body.body(Buffer.buffer()));
        }
    }

    private static boolean closedBeforeSending(Throwable failure) {
        return failure instanceof DownstreamUnreachable
                && (failure.getCause() instanceof HttpClosedException || failure.getCause() instanceof ConnectException);
    }

    private static boolean safeWithoutBody(HttpServerRequest client) {
        String length = client.getHeader(HttpHeaders.CONTENT_LENGTH);
        return SAFE.contains(client.method())
                && client.getHeader(HttpHeaders.TRANSFER_ENCODING) == null
                && (length == null || length.equals("0"));
    }
}
