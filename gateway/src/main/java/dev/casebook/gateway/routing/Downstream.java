package dev.casebook.gateway.routing;

import dev.casebook.gateway.config.GatewayConfig;

import java.net.URI;
import java.time.Duration;

/** One service behind the gateway: the prefix it owns and where it listens. */
public record Downstream(String name, String prefix, String host, int port, boolean ssl, Duration timeout) {

    static Downstream of(String name, GatewayConfig.Route route) {
        URI url = URI.create(route.url());
        if (url.getHost() == null) {
            // URI leaves the host out when it is not a valid host name (an underscore, for one).
            throw new IllegalArgumentException("casebook.gateway.routes." + name + ".url has no valid host: " + route.url());
        }
        boolean ssl = "https".equals(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : (ssl ? 443 : 80);
        return new Downstream(name, route.prefix(), url.getHost(), port, ssl, route.timeout());
    }

    public String url() {
        return (ssl ? "https" : "http") + "://" + host + ":" + port;
    }
}
