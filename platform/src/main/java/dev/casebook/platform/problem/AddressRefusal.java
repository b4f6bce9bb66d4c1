package dev.casebook.platform.problem;

/**
 * How a service tells the gateway that a 429 refuses the client's address as a whole on that route (every
 * login from it, not one username's): {@value #HEADER}: {@value #SCOPE}, next to {@code Retry-After}. The gateway
 * then gives the same answer itself for that long, so that a flood from one address costs the service nothing,
 * and drops the header from what the client sees. A refusal without it (one username from one address) is always
 * asked again, so that the address's other users can still log in.
 */
public final class AddressRefusal {

    public static final String HEADER = "Casebook-Refusal-Scope";
    public static final String SCOPE = "address";

    private AddressRefusal() {
    }
}
