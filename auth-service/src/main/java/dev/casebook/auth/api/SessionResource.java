package dev.casebook.auth.api;

import dev.casebook.auth.domain.Logins;
import dev.casebook.auth.domain.Sessions;
import dev.casebook.auth.domain.User;
import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
            + " 401 for a wrong username or password; 429 with Retry-After after 5 failures for one username within 15 minutes.")
    @APIResponse(responseCode = "200", description = "The access token and a refresh token",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password")
    @APIResponse(responseCode = "429", description = "Too many failed logins for this username: wait as Retry-After says")
    public Response login(@Valid @NotNull Credentials credentials) {
        return tokens(logins.logIn(credentials.username(), credentials.password()));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(operationId = "refreshSession", summary = "Trade a refresh token for a new pair",
            description = "The refresh token is used up. Presenting a used one again revokes every token of its session.")
    @APIResponse(responseCode = "200", description = "A new pair; the refresh token sent is used up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "The refresh token is unknown, used up, expired or revoked")
    public Response refresh(@Valid @NotNull RefreshTokenRequest request) {
        return tokens(sessions.refresh(request.refreshToken()));
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
