package dev.casebook.gateway.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublicAddressTest {

    @ParameterizedTest
    @CsvSource({
            "http://localhost:8080,             http,  localhost,           8080, localhost:8080",
            "https://casebook.example.org,      https, casebook.example.org, 443, casebook.example.org",
            "https://casebook.example.org/,     https, casebook.example.org, 443, casebook.example.org",
            "https://Casebook.Example.org:8443, https, casebook.example.org, 8443, casebook.example.org:8443",
            "http://casebook.example.org:80,    http,  casebook.example.org, 80,  casebook.example.org",
            "http://[::1]:8080,                 http,  [::1],               8080, [::1]:8080",
    })
    void theHeadersComeFromTheConfiguredUrlAlone(String url, String scheme, String host, int port, String authority) {
        PublicAddress address = PublicAddress.of(url);
        assertEquals(scheme, address.scheme());
        assertEquals(host, address.host());
        assertEquals(port, address.port());
        assertEquals(authority, address.authority());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://under_score.example", "http://:8080"})
    void aUrlWithoutAValidHostIsRefusedAtStart(String url) {
        assertThrows(IllegalArgumentException.class, () -> PublicAddress.of(url));
    }
}
