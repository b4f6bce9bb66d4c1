package dev.casebook.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

/**
 * The headers a service may trust because only the gateway sets them. Whatever a client sent under
 * those names is dropped: {@code X-Casebook-*} (internal), {@code Forwarded} and {@code X-Forwarded-*}
 * (who the client is and how it came in), which the gateway then sets from what it saw itself.
 */
final class ForwardedHeaders {

    static final String INTERNAL_PREFIX = "X-Casebook-";
    private static final String FORWARDED_PREFIX = "X-Forwarded-";

    private ForwardedHeaders() {
    }

    static void rewrite(MultiMap headers, HttpServerRequest client) {
        headers.names().stream()
                .filter(ForwardedHeaders::isReserved)
                .toList()
                .forEach(headers::remove);
        SocketAddress remote = client.remoteAddress();
        if (remote != null) {
            headers.set("X-Forwarded-For", remote.hostAddress());
        }
        headers.set("X-Forwarded-Proto", client.scheme());
        HostAndPort authority = client.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
        }
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
