package dev.casebook.auth.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClientAddressTest {

    @Test
    void anIpv4AddressCountsAsItself() {
        assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7").key());
        assertNotEquals(ClientAddress.of("203.0.113.7"), ClientAddress.of("203.0.113.8"));
    }

    @Test
    void anIpv6AddressCountsAsItsSlash64() {
        ClientAddress one = ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertEquals("2001:db8:1:2:0:0:0:0/64", one.key());
        assertEquals(one, ClientAddress.of("2001:db8:1:2::1"));
        assertNotEquals(one, ClientAddress.of("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertEquals("192.0.2.1", ClientAddress.of("::ffff:192.0.2.1").key());
    }

    @Test
    void whatIsNoAddressIsTheUnknownAddressAndIsNeverLookedUp() {
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of(null));
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of(""));
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of("localhost"));
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of("evil.example"));
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of("1".repeat(100)));
    }
}
