package dev.casebook.auth.api;

import dev.casebook.auth.domain.ClientAddress;
import dev.casebook.auth.domain.Logins;
import dev.casebook.auth.domain.Sessions;
import dev.casebook.auth.domain.User;
import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in", description = "Log in, refresh and log out; who the token belongs to; the keys tokens are signed with")
public class SessionResource {

    private final Logins logins;
    private final Sessions sessions;
    private final JsonWebToken token;

    public SessionResource(Logins logins, Sessions sessions, JsonWebToken token) {
        this.logins = logins;
        this.sessions = sessions;
        this.token = token;
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(operationId = "logIn", summary = "Log in", description = "Returns an access token (send it as 'Authorization: Bearer …') and a refresh token."
            + " 401 for a wrong username or password. Failed logins are counted per username and client address, and per"
            + " client address: after 5 failures for one username from one address within 15 minutes, or 100 from one"
            + " address whatever the usernames (the defaults), that address gets 429 with Retry-After. The same username from another"
            + " address is not refused: each recent failure for it doubles a short wait before its password is checked"
            + " (from 250 ms, at most 2 s). 429 also for one address with too many logins being checked at once;"
            + " 503 with Retry-After when too many logins are being checked at once overall. Those two refusals are sent"
            + " after a short pause (250 ms by default), so a client that asks again at once is slowed down. A 429 with"
            + " 'Casebook-Refusal-Scope: address' refuses every login from the address until Retry-After; the gateway"
            + " then gives that answer itself.")
    @APIResponse(responseCode = "200", description = "The access token and a refresh token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password")
    @APIResponse(responseCode = "429", description = "Too many failed logins from this address (for this username, or for any), or too many at once from it: wait as Retry-After says",
            headers = @Header(name = "Retry-After", description = "Seconds until this address may try again", schema = @Schema(type = SchemaType.INTEGER)))
    @APIResponse(responseCode = "503", description = "Too many logins are being checked at once: try again as Retry-After says",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again", schema = @Schema(type = SchemaType.INTEGER)))
    public CompletionStage<Response> login(@Valid @NotNull Credentials credentials, @Context HttpServerRequest request) {
        // Behind the gateway, the address it saw: proxy-address-forwarding trusts X-Forwarded-For from it only.
        SocketAddress client = request.remoteAddress();
        ClientAddress from = ClientAddress.of(client == null ? null : client.hostAddress());
        return logins.logIn(credentials.username(), credentials.password(), from).thenApply(SessionResource::tokens);
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(operationId = "refreshSession", summary = "Trade a refresh token for a new pair",
            description = "The refresh token is used up. Presenting a used one again revokes every token of its session, except"
                    + " from the same client (address and User-Agent) within 10 seconds of its use: two tabs refreshing at once,"
                    + " or a retry of a refresh whose answer was lost, get the same new pair.")
    @APIResponse(responseCode = "200", description = "A new pair; the refresh token sent is used up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "The refresh token is unknown, used up, expired or revoked")
    public Response refresh(@Valid @NotNull RefreshTokenRequest request, @Context HttpServerRequest http) {
        return tokens(sessions.refresh(request.refreshToken(), client(http)));
    }

    /** Who is refreshing, as far as a refresh can tell: the address the gateway saw and the User-Agent. */
    private static String client(HttpServerRequest http) {
        SocketAddress address = http.remoteAddress();
        String userAgent = http.getHeader("User-Agent");
        return ClientAddress.of(address == null ? null : address.hostAddress()).key() + "\n" + (userAgent == null ? "" : userAgent);
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(operationId = "logOut", summary = "End the session a refresh token belongs to")
    @APIResponse(responseCode = "204", description = "The session is over")
    public Response logout(@Valid @NotNull RefreshTokenRequest request) {
        sessions.close(request.refreshToken());
        return Response.noContent().build();
    }

    @POST
    @Path("/logout-everywhere")
    @Consumes(MediaType.WILDCARD) // no body, so no content type to ask for
    @Authenticated
    @Operation(operationId = "logOutEverywhere", summary = "End every session of the caller",
            description = "Every refresh token of the caller is revoked, and every access token already issued to them stops"
                    + " working in the gateway and every service within a second, this one included. Log in again afterwards.")
    @APIResponse(responseCode = "204", description = "Every session is over")
    public Response logoutEverywhere() {
        sessions.closeAll(UUID.fromString(token.getSubject()));
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(operationId = "readCurrentUser", summary = "Who the access token belongs to")
    public CurrentUser me() {
        User user = findUser(token.getSubject());
        if (user == null || !user.enabled) {
            throw new AuthenticationFailedException(); // a token outliving its user is refused like a bad one
        }
        return CurrentUser.of(user);
    }

    private static User findUser(String subject) {
        try {
            return User.findById(UUID.fromString(subject));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    // Tokens must not be kept by caches or proxies (RFC 6749, 5.1).
    private static Response tokens(Sessions.Tokens tokens) {
        return Response.ok(TokenResponse.of(tokens)).header("Cache-Control", "no-store").build();
    }
}
