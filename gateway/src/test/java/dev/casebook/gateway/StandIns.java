package dev.casebook.gateway;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Steers the stand-in services of the running test profile ({@link StandInServices}). */
final class StandIns {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private StandIns() {
    }

    /** Stops listening: connections are refused. */
    static void down(String service) {
        post(service + "/down", "");
    }

    /** Listens again, on the same port. */
    static void up(String service) {
        post(service + "/up", "");
    }

    /** Takes requests but never answers them. */
    static void hang(String service) {
        post(service + "/hang", "");
    }

    /** Answers again. */
    static void serve(String service) {
        post(service + "/serve", "");
    }

    /** How many API requests (not /q/..., not the key set) reached the stand-in so far. */
    static int requestsTo(String service) {
        return Integer.parseInt(get(service + "/requests"));
    }

    /** Adds a key to the JWK set the auth stand-in serves, as auth-service does when it rotates its key. */
    static void publishKey(String jwk) {
        post("auth/keys", jwk);
    }

    /** How often the auth stand-in's JWK set was fetched. */
    static int jwksFetches() {
        return Integer.parseInt(get("auth/jwks-fetches"));
    }

    private static void post(String path, String body) {
        send(HttpRequest.newBuilder(control(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String get(String path) {
        return send(HttpRequest.newBuilder(control(path)).GET().build());
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI control(String path) {
        return URI.create(ConfigProvider.getConfig().getValue(StandInServices.CONTROL_URL, String.class) + "/" + path);
    }
}
