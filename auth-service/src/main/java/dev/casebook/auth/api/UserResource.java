package dev.casebook.auth.api;

import dev.casebook.auth.domain.User;
import dev.casebook.auth.domain.Sessions;
import dev.casebook.auth.domain.UserDirectory;
import dev.casebook.platform.http.Created;
import dev.casebook.platform.idempotency.Idempotent;
import dev.casebook.platform.paging.Page;
import dev.casebook.platform.paging.PageRequest;
import dev.casebook.platform.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

@Path(UserResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Ids.ADMIN)
@Tag(name = "Users", description = "User administration (admins) and the roles a user can hold")
public class UserResource {

    static final String PATH = "/api/auth/users";

    private final UserDirectory users;
    private final Sessions sessions;

    public UserResource(UserDirectory users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a user", description = "409 when the username is taken, whatever its case.")
    @APIResponse(responseCode = "201", description = "The new user", headers = {@Header(name = "Location", description = "Where the new resource is", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "The username is taken, whatever its case")
    @Idempotent
    public Response create(@Valid @NotNull NewUser request) {
        User user = users.create(request.username(), request.password(), EnumSet.copyOf(request.roles()));
        return Created.at(PATH, user.id).entity(UserView.of(user)).build();
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List users by username", description = "page counts from 0; size is 1 to 100, 20 by default.")
    @APIResponse(responseCode = "200", description = "One page of users, by username",
            headers = @Header(name = "Link", description = Page.LINK_DESCRIPTION, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserPage.class)))
    public Response list(@Valid @BeanParam PageRequest paging, @Context UriInfo uri) {
        List<UserView> found = users.list(paging).stream().map(UserView::of).toList();
        return new UserPage(found, paging, users.count()).answer(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "readUser", summary = "One user")
    public UserView get(@PathParam("id") UUID id) {
        return UserView.of(users.get(id));
    }

    @PUT
    @Path("/{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeUserRoles", summary = "Replace a user's roles", description = "409 when it would leave no enabled admin."
            + " Access tokens already issued stop working within a second (they name the old roles); the user's next refresh"
            + " or login gets the new ones.")
    @APIResponse(responseCode = "200", description = "The user with the new roles",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "It would leave no enabled admin")
    @Idempotent
    public Response changeRoles(@PathParam("id") UUID id, @Valid @NotNull RoleChange request) {
        return Response.ok(UserView.of(users.changeRoles(id, EnumSet.copyOf(request.roles())))).build();
    }

    @POST
    @Path("/{id}/disable")
    @Operation(operationId = "disableUser", summary = "Disable a user", description = "They can no longer log in or refresh; their sessions are revoked, and access"
            + " tokens already issued stop working within a second. 409 when it would leave no enabled admin.")
    @APIResponse(responseCode = "200", description = "The user, disabled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "It would leave no enabled admin")
    @Idempotent
    public Response disable(@PathParam("id") UUID id) {
        return Response.ok(UserView.of(users.setEnabled(id, false))).build();
    }

    @POST
    @Path("/{id}/logout-everywhere")
    @Operation(operationId = "logOutUserEverywhere", summary = "End every session of a user",
            description = "For a lost device or a leaked token: every refresh token of the user is revoked, and access tokens"
                    + " already issued stop working within a second. The user can log in again.")
    @APIResponse(responseCode = "204", description = "Every session of the user is over")
    @Idempotent
    public Response logoutEverywhere(@PathParam("id") UUID id) {
        sessions.closeAll(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    @Operation(operationId = "enableUser", summary = "Enable a user again")
    @APIResponse(responseCode = "200", description = "The user, enabled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @Idempotent
    public Response enable(@PathParam("id") UUID id) {
        return Response.ok(UserView.of(users.setEnabled(id, true))).build();
    }
}
