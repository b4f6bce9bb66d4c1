package dev.casebook.gateway.security;

/** What the gateway asks of a request's access token before it lets the request through. */
public enum Access {

    /**
     * The token is not looked at: the routes that exist to get a token or end a session (log in, refresh,
     * log out), where the credential is in the body. A client that still sends its expired access token
     * along while it refreshes must not be turned away for it.
     */
    NO_TOKEN_NEEDED,

    /**
     * Public reading: no token needed, but one that is sent is checked (a bad one is refused, not ignored)
     * and passed on: it may show more, such as the caller's drafts.
     */
    TOKEN_OPTIONAL,

    /** Everything else: a valid token or 401. */
    TOKEN_REQUIRED
}
