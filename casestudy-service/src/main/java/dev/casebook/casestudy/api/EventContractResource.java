package dev.casebook.casestudy.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casebook.casestudy.events.EventContract;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/case-studies/asyncapi")
@Tag(name = "Events", description = "The AsyncAPI description of the Kafka events other services subscribe to")
public class EventContractResource {

    private final EventContract contract;

    public EventContractResource(EventContract contract) {
        this.contract = contract;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "readEventContract", summary = "The AsyncAPI document of topic casestudy.events",
            description = "Event types, CloudEvents headers and the JSON Schema of every payload.")
    @APIResponse(responseCode = "200", description = "An AsyncAPI 3.0 document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)))
    public ObjectNode asyncApi() {
        return contract.document();
    }
}
