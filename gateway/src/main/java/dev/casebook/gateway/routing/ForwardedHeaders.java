package dev.casebook.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The headers a service may trust because only the gateway sets them. Whatever a client sent under
 * those names is dropped: {@code X-Casebook-*} (internal), {@code Forwarded} and {@code X-Forwarded-*}
 * (who the client is and how it came in). The gateway then states the client's address as it saw it,
 * and the scheme, host and port clients reach Casebook at from its configured {@link PublicAddress}:
 * the services build absolute links from them, so a client's own {@code Host} must never get there.
 */
final class ForwardedHeaders {

    static final String INTERNAL_PREFIX = "X-Casebook-";
    private static final String FORWARDED_PREFIX = "X-Forwarded-";

    private ForwardedHeaders() {
    }

    static void rewrite(MultiMap headers, HttpServerRequest client, PublicAddress publicAddress) {
        headers.names().stream()
                .filter(ForwardedHeaders::isReserved)
                .toList()
                .forEach(headers::remove);
        // The service is addressed as itself (Downstreams); the proxy would not pass this on anyway.
        headers.remove(HttpHeaders.HOST);
        SocketAddress remote = client.remoteAddress();
        if (remote != null) {
            headers.set("X-Forwarded-For", remote.hostAddress());
        }
        headers.set("X-Forwarded-Proto", publicAddress.scheme());
        headers.set("X-Forwarded-Host", publicAddress.authority());
        headers.set("X-Forwarded-Port", Integer.toString(publicAddress.port()));
    }

    private static boolean isReserved(String name) {
        return startsWithIgnoringCase(name, INTERNAL_PREFIX)
                || startsWithIgnoringCase(name, FORWARDED_PREFIX)
                || name.equalsIgnoreCase("Forwarded");
    }

    private static boolean startsWithIgnoringCase(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
