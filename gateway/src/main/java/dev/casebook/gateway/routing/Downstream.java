package dev.casebook.gateway.routing;

import dev.casebook.gateway.config.GatewayConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One service behind the gateway: the prefix it owns and where its instances listen, as {@code host:port}
 * addresses (all over TLS, or none).
 */
public record Downstream(String name, String prefix, List<String> addresses, boolean ssl, Duration timeout) {

    static Downstream of(String name, GatewayConfig.Route route) {
        List<URI> urls = Arrays.stream(route.url().split(",")).map(String::strip).map(URI::create).toList();
        boolean ssl = "https".equals(urls.get(0).getScheme());
        List<String> addresses = urls.stream().map(url -> {
            if (url.getHost() == null) {
                // URI leaves the host out when it is not a valid host name (an underscore, for one).
                throw new IllegalArgumentException("casebook.gateway.routes." + name + ".url has no valid host: " + url);
            }
            if ("https".equals(url.getScheme()) != ssl) {
                throw new IllegalArgumentException("casebook.gateway.routes." + name + ".url mixes http and https: " + route.url());
            }
            return url.getHost() + ":" + (url.getPort() != -1 ? url.getPort() : (ssl ? 443 : 80));
        }).toList();
        return new Downstream(name, route.prefix(), addresses, ssl, route.timeout());
    }

    /** Where it listens, for operators: its instances' URLs. */
    public String url() {
        return addresses.stream().map(address -> (ssl ? "https" : "http") + "://" + address).collect(Collectors.joining(","));
    }
}
