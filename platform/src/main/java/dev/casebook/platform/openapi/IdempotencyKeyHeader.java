package dev.casebook.platform.openapi;

import dev.casebook.platform.idempotency.Idempotent;
import dev.casebook.platform.idempotency.IdempotencyKey;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every operation whose method is {@link Idempotent} documents the {@code Idempotency-Key} header, the 409 of a
 * repeat still in flight, the 422 of a key reused for another request, and the {@code Idempotent-Replayed} header of
 * an answer given again; the frontends' generated client then offers the header where it is honoured, and only there.
 * The operations are found by their method's annotation in the build's index, matched by operationId.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyKeyHeader implements OASFilter {

    private static final DotName IDEMPOTENT = DotName.createSimple(Idempotent.class.getName());
    private static final DotName OPERATION = DotName.createSimple(org.eclipse.microprofile.openapi.annotations.Operation.class.getName());

    static final String DESCRIPTION = "Makes the write safe to retry: a repeat with the same key and the same request "
            + "within 24 hours gets the first answer again (same status, body, Location and ETag, with Idempotent-Replayed: "
            + "true) and changes nothing. Keys are the caller's own; 1 to 255 visible ASCII characters, a UUID for instance. "
            + "The same key with another request is a 422; a repeat while the first is still being answered waits for it, "
            + "or gets 409 with Retry-After after a few seconds. A failed request (4xx) keeps no key: it may be sent again.";

    private final Set<String> operationIds = new HashSet<>();

    /** SmallRye OpenAPI passes the build's index to a filter with this constructor. */
    public IdempotencyKeyHeader(IndexView index) {
        for (AnnotationInstance idempotent : index.getAnnotations(IDEMPOTENT)) {
            if (idempotent.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            AnnotationInstance operation = idempotent.target().asMethod().annotation(OPERATION);
            AnnotationValue id = operation == null ? null : operation.value("operationId");
            if (id == null) {
                throw new IllegalStateException("@Idempotent " + idempotent.target() + " needs @Operation(operationId = …) to be documented");
            }
            operationIds.add(id.asString());
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operationIds.contains(operation.getOperationId())) {
                document(operation);
            }
        }));
    }

    private static void document(Operation operation) {
        operation.addParameter(OASFactory.createParameter().name(IdempotencyKey.HEADER).in(Parameter.In.HEADER).required(false)
                .description(DESCRIPTION)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .minLength(1).maxLength(IdempotencyKey.MAX_LENGTH).pattern("^[!-~]+$")));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader(IdempotencyKey.REPLAYED_HEADER, replayed());
            }
        });
        problem(responses, "409", "A request with the same Idempotency-Key is still being answered: send it again as Retry-After says");
        problem(responses, "422", "The Idempotency-Key was used for another request: send a new key with a new request");
    }

    /** Adds the meaning to the operation's own description of the status, if it has one. */
    private static void problem(APIResponses responses, String status, String meaning) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(meaning);
            responses.addAPIResponse(status, response);
        } else if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(meaning);
        } else {
            response.setDescription(response.getDescription() + "; or: " + meaning);
        }
        ProblemSchemas.asProblem(status, response);
    }

    private static Header replayed() {
        return OASFactory.createHeader().description("true when this is the answer to an earlier request with the same Idempotency-Key, given again")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).addEnumeration("true"));
    }
}
