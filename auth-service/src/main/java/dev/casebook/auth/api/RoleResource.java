package dev.casebook.auth.api;

import dev.casebook.platform.security.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/auth/roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class RoleResource {

    public record RoleView(String name, String description) {
    }

    @GET
    @Operation(operationId = "listRoles", summary = "The roles a user can hold", description = "For admin screens that assign roles.")
    public List<RoleView> list() {
        return Arrays.stream(Role.values()).map(role -> new RoleView(role.id(), role.description())).toList();
    }
}
