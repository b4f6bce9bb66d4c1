package dev.casebook.casestudy.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Map;

/**
 * The body of {@code PATCH /api/case-studies/{idOrSlug}} as what it is, a JSON merge patch (RFC 7386) of the
 * document: {@code CaseStudyPatch} is {@code CaseStudyDocument} with no member required at any depth (a null, which
 * removes a member, is said in words: OpenAPI 3.0 has no way to allow it beside a type without changing the type).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class MergePatchSchema implements OASFilter {

    static final String NAME = "CaseStudyPatch";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        Schema document = schemas == null ? null : schemas.get("CaseStudyDocument");
        if (document == null) {
            return;
        }
        api.getComponents().addSchema(NAME, optional(document, schemas)
                .description("A JSON merge patch of a case study: the members to change; null removes one"));
        api.getPaths().getPathItems().values().stream()
                .map(item -> item.getPATCH())
                .filter(operation -> operation != null && operation.getRequestBody() != null)
                .forEach(operation -> operation.getRequestBody().getContent().getMediaTypes().values()
                        .forEach(media -> media.setSchema(OASFactory.createSchema().ref(NAME))));
        // Jackson's tree types, which described the patch before and nothing else
        api.getComponents().removeSchema("JsonNode");
        api.getComponents().removeSchema("JsonNodeType");
    }

    // Each member's schema is copied with nothing required, references followed, so the patch says the truth at any depth.
    private static Schema optional(Schema schema, Map<String, Schema> schemas) {
        Schema resolved = schema.getRef() != null ? schemas.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)) : schema;
        if (resolved == null || resolved.getProperties() == null) {
            return resolved == null ? schema : resolved;
        }
        Schema copy = OASFactory.createSchema().type(resolved.getType()).description(resolved.getDescription());
        resolved.getProperties().forEach((name, member) -> copy.addProperty(name, member.getItems() != null || member.getProperties() == null && member.getRef() == null
                ? member : optional(member, schemas)));
        return copy;
    }
}
