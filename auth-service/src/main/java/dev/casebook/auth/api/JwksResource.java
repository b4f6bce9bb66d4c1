package dev.casebook.auth.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.casebook.auth.config.TokenSettings;
import dev.casebook.auth.security.JsonWebKeys;
import dev.casebook.auth.security.SigningKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

/** The public keys tokens are verified with; every service (and anyone else) may fetch them. */
@Path("/api/auth/jwks")
@Tag(name = "Sign-in")
public class JwksResource {

    private final String keySet;
    private final String cacheControl;

    public JwksResource(SigningKey key, TokenSettings settings, ObjectMapper json) throws JsonProcessingException {
        this.keySet = json.writeValueAsString(JsonWebKeys.set(key.publishedKeys()));
        this.cacheControl = "public, max-age=" + settings.jwksMaxAge().toSeconds();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "readSigningKeys", summary = "The JWK set of the token signing keys",
            description = "The current key and, during a rotation, the previous one; each kid is the key's RFC 7638 thumbprint.")
    @APIResponse(responseCode = "200", description = "The JWK set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JwkSet.class)))
    public Response keys() {
        return Response.ok(keySet).header("Cache-Control", cacheControl).build();
    }
}
