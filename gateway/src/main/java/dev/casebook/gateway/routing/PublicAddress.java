package dev.casebook.gateway.routing;

import dev.casebook.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.Locale;

/** Where clients reach Casebook, as configured ({@code casebook.gateway.public-url}), never as a client says. */
record PublicAddress(String scheme, String host, int port) {

    static PublicAddress of(GatewayConfig config) {
        return of(config.publicUrl());
    }

    static PublicAddress of(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            // URI leaves the host out when it is not a valid host name (an underscore, for one).
            throw new IllegalArgumentException("casebook.gateway.public-url has no valid host: " + url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
        return new PublicAddress(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    /** As a Host header names it: with the port only when it is not the scheme's own. */
    String authority() {
        return port == defaultPort(scheme) ? host : host + ":" + port;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
