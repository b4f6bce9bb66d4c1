package dev.casebook.gateway.security;

import io.vertx.ext.web.RoutingContext;

/**
 * Who is calling, as far as the gateway can tell: the subject of a verified access token, and the
 * client's address. Put on the routing context by {@link BearerTokens} for the handlers after it.
 */
public record Caller(String subject, String address, Token token) {

    private static final String KEY = "casebook.caller";

    /** What became of the access token the request carried. */
    public enum Token {
        /** None was sent, or the route does not look at it. */
        NONE,
        VERIFIED,
        /** Sent, but malformed, expired, wrongly signed, revoked or not issued by Casebook. */
        REFUSED
    }

    static Caller anonymous(String address) {
        return new Caller(null, address, Token.NONE);
    }

    static Caller refused(String address) {
        return new Caller(null, address, Token.REFUSED);
    }

    static Caller verified(String subject, String address) {
        return new Caller(subject, address, Token.VERIFIED);
    }

    /** Whom a rate limit counts this request against: the user when known, else the address it came from. */
    public String rateLimitKey() {
        return subject != null ? "user:" + subject : "address:" + address;
    }

    void attachTo(RoutingContext ctx) {
        ctx.put(KEY, this);
    }

    public static Caller of(RoutingContext ctx) {
        Caller caller = ctx.get(KEY);
        if (caller == null) {
            throw new IllegalStateException("No caller on this request: BearerTokens must run first");
        }
        return caller;
    }
}
