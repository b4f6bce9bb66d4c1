package dev.casebook.devstack;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FreePortsTest {

    @Test
    void aPortIsHandedOutOnceEvenWhenNothingListensOnIt() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            ports.add(FreePorts.next());
        }
        // Nothing listens on any of them, so the system would gladly give the same one again; FreePorts must not.
        assertEquals(500, ports.size());
    }
}
