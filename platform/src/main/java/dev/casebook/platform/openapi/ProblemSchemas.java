package dev.casebook.platform.openapi;

import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Every service's OpenAPI document says what its errors look like: the {@code Problem} schema (RFC 9457 with the
 * request id and {@code errors[]}) under {@code application/problem+json} on every error response, and the errors
 * any operation can answer by its shape: 400 for one with parameters or a body, 404 for one with a path parameter,
 * 415 for one with a body. Operations declare the errors of their own meaning (409, 412, 422, 428) where they are.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemSchemas implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "The request is malformed, or a parameter or field is invalid: errors[] names each"),
            Map.entry("401", "No valid access token: log in with POST /api/auth/login and send 'Authorization: Bearer …'"),
            Map.entry("403", "The caller's roles do not allow this"),
            Map.entry("404", "There is no such thing, or the caller may not see it"),
            Map.entry("406", "None of the media types in Accept can be answered"),
            Map.entry("409", "It conflicts with the current state"),
            Map.entry("412", "If-Match names a version that is no longer the current one: read again and redo the change"),
            Map.entry("413", "The body is over 1 MiB"),
            Map.entry("415", "The body's Content-Type is not one this operation takes"),
            Map.entry("422", "The body is well-formed but cannot be taken as it is"),
            Map.entry("428", "If-Match is required: send the ETag you read"),
            Map.entry("429", "Too many requests: wait as Retry-After says"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(FIELD_ERROR, fieldError());
        api.getComponents().addSchema(PROBLEM, problem());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                describeErrors(path, method, operation)));
    }

    private static void describeErrors(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (body || parameters) {
            addIfMissing(responses, "400");
        }
        if (path.contains("{")) {
            addIfMissing(responses, "404");
        }
        if (body) {
            addIfMissing(responses, "413");
            addIfMissing(responses, "415");
        }
        addIfMissing(responses, "406");
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.length() == 3 && status.charAt(0) >= '4') {
                asProblem(status, response);
            }
        });
    }

    private static void addIfMissing(APIResponses responses, String status) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse());
        }
    }

    /** The response's body is a Problem, whatever the operation produces when it succeeds. */
    static void asProblem(String status, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(DESCRIPTIONS.getOrDefault(status, "An error, described as a problem"));
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    private static Schema fieldError() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One thing wrong with one field of the input")
                .addProperty("field", string("A JSON path such as client.name or tags[3], or a parameter's name"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message"));
    }

    private static Schema problem() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details, the body of every error Casebook answers. Members beside these are "
                        + "problem-specific, such as currentStatus, currentVersion, section or line.")
                .addProperty("type", string("A URI naming the kind of problem").format("uri"))
                .addProperty("title", string("The HTTP status's title"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32"))
                .addProperty("detail", string("What went wrong, in the caller's terms"))
                .addProperty("instance", string("The path of the request"))
                .addProperty("requestId", string("The X-Request-Id of the request, to find it in the logs"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref(FIELD_ERROR))
                        .description("For invalid input: one entry per offending field"))
                .additionalPropertiesBoolean(Boolean.TRUE)
                .required(List.of("type", "title", "status", "requestId"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
