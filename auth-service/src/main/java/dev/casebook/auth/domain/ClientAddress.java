package dev.casebook.auth.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Where a login comes from, as the gateway saw it, in the form failures are counted by: an IPv4 address as it is,
 * an IPv6 address as its /64 network (one subscriber is given a whole /64, so single IPv6 addresses would let one
 * attacker count as billions of clients).
 */
public record ClientAddress(String key) {

    static final ClientAddress UNKNOWN = new ClientAddress("unknown");

    /** {@code literal} is an IP address in text form; anything else is the one unknown address. */
    public static ClientAddress of(String literal) {
        if (literal == null || literal.isBlank() || literal.length() > 64 || !looksLikeAnAddress(literal)) {
            return UNKNOWN;
        }
        try {
            // A literal is parsed, never looked up (looksLikeAnAddress lets no host name through).
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet6Address) {
                byte[] network = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return new ClientAddress(InetAddress.getByAddress(network).getHostAddress() + "/64");
            }
            return new ClientAddress(address.getHostAddress());
        } catch (UnknownHostException e) {
            return UNKNOWN;
        }
    }

    private static boolean looksLikeAnAddress(String literal) {
        boolean ipv4 = literal.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        boolean ipv6 = literal.indexOf(':') >= 0 && literal.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        return ipv4 || ipv6;
    }
}
