package dev.casebook.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.casebook.gateway.security.Access;
import dev.casebook.gateway.security.AccessPolicy;
import io.vertx.core.http.HttpMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes one OpenAPI document of the services' own: their paths (those under the prefix the gateway routes
 * to them: nothing else is reachable through it), components and tags. Components two services define
 * alike are kept once; a name two services use for different things is prefixed with the later service's
 * name, and that service's references follow. Each operation states what the gateway asks of it: a
 * {@value #SECURITY_SCHEME} token required, optional or not looked at ({@link AccessPolicy}); the
 * services' own security schemes give way to that one.
 */
final class ApiDocumentMerger {

    static final String SECURITY_SCHEME = "bearer";
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String DEFAULT_OPENAPI_VERSION = "3.1.0";
    private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}/]+}");

    private final ObjectMapper json;
    private final AccessPolicy policy;
    private final String version;

    ApiDocumentMerger(ObjectMapper json, AccessPolicy policy, String version) {
        this.json = json;
        this.policy = policy;
        this.version = version;
    }

    ObjectNode merge(List<ServiceDocument> services) {
        ObjectNode paths = json.createObjectNode();
        ObjectNode components = json.createObjectNode();
        ArrayNode tags = json.createArrayNode();
        Set<String> tagNames = new HashSet<>();
        String openapiVersion = null;

        for (ServiceDocument service : services) {
            if (service.isMissing()) {
                continue;
            }
            ObjectNode document = service.document().deepCopy();
            if (openapiVersion == null && document.path("openapi").isTextual()) {
                openapiVersion = document.get("openapi").asText();
            }
            ObjectNode own = document.withObjectProperty("components");
            own.remove("securitySchemes");
            renameClashes(service.service(), document, own, components);
            addComponents(own, components);
            document.path("paths").properties().forEach(entry -> {
                if (isUnder(entry.getKey(), service.prefix()) && entry.getValue() instanceof ObjectNode pathItem) {
                    stateAccess(entry.getKey(), pathItem);
                    paths.set(entry.getKey(), pathItem);
                }
            });
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        }
        // The services describe their errors with platform's Problem schema; the gateway's own errors use it too.
        ObjectNode schemas = components.withObjectProperty("schemas");
        if (!schemas.has("Problem")) {
            schemas.putObject("Problem").put("type", "object").put("description", "RFC 9457 problem details with the request id")
                    .put("additionalProperties", true);
        }
        components.withObjectProperty("securitySchemes").set(SECURITY_SCHEME, json.createObjectNode()
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "The accessToken that POST /api/auth/login answers with"));

        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", openapiVersion != null ? openapiVersion : DEFAULT_OPENAPI_VERSION);
        merged.set("info", info(services));
        // Relative: the document is served by the gateway it describes, whatever address clients know it by.
        merged.putArray("servers").addObject().put("url", "/").put("description", "The gateway that serves this document");
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        merged.set("paths", paths);
        merged.set("components", components);
        return merged;
    }

    private ObjectNode info(List<ServiceDocument> services) {
        StringBuilder description = new StringBuilder("""
                All of Casebook's API, as the gateway serves it. To try calls that need a token: log in with \
                POST /api/auth/login, press Authorize and paste the accessToken of the answer.""");
        ArrayNode leftOut = json.createArrayNode();
        for (ServiceDocument service : services) {
            if (service.isMissing()) {
                leftOut.add(json.createObjectNode().put("service", service.service()).put("reason", service.missingBecause()));
            }
        }
        if (!leftOut.isEmpty()) {
            description.append("\n\n**Left out for now**, their description could not be had: ");
            List<String> notes = new ArrayList<>();
            leftOut.forEach(note -> notes.add(note.get("service").asText() + " (" + note.get("reason").asText() + ")"));
            description.append(String.join(", ", notes)).append(". Their routes work as soon as they are back.");
        }
        ObjectNode info = json.createObjectNode()
                .put("title", "Casebook API")
                .put("description", description.toString())
                .put("version", version);
        info.putObject("license").put("name", "Apache 2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        if (!leftOut.isEmpty()) {
            info.set("x-casebook-left-out", leftOut);
        }
        return info;
    }

    /** Renames the service's components whose names are taken by different ones, and follows its references. */
    private static void renameClashes(String service, ObjectNode document, ObjectNode own, ObjectNode merged) {
        Map<String, String> references = new HashMap<>();
        own.properties().forEach(group -> {
            if (!(group.getValue() instanceof ObjectNode named)) {
                return;
            }
            JsonNode taken = merged.path(group.getKey());
            for (String name : names(named)) {
                if (taken.has(name) && !taken.get(name).equals(named.get(name))) {
                    String renamed = freeName(service + "_" + name, taken, named);
                    named.set(renamed, named.remove(name));
                    String prefix = "#/components/" + group.getKey() + "/";
                    references.put(prefix + name, prefix + renamed);
                }
            }
        });
        if (!references.isEmpty()) {
            rewriteReferences(document, references);
        }
    }

    private static String freeName(String wanted, JsonNode taken, ObjectNode own) {
        String name = wanted;
        for (int i = 2; taken.has(name) || own.has(name); i++) {
            name = wanted + "_" + i;
        }
        return name;
    }

    /** Every string that is exactly a renamed reference: {@code $ref}s, and discriminator mappings too. */
    private static void rewriteReferences(JsonNode node, Map<String, String> references) {
        if (node instanceof ObjectNode object) {
            for (String field : names(object)) {
                JsonNode value = object.get(field);
                if (value.isTextual() && references.containsKey(value.asText())) {
                    object.set(field, TextNode.valueOf(references.get(value.asText())));
                } else {
                    rewriteReferences(value, references);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual() && references.containsKey(value.asText())) {
                    array.set(i, TextNode.valueOf(references.get(value.asText())));
                } else {
                    rewriteReferences(value, references);
                }
            }
        }
    }

    private static void addComponents(ObjectNode own, ObjectNode merged) {
        own.properties().forEach(group -> {
            if (group.getValue() instanceof ObjectNode named) {
                ObjectNode into = merged.withObjectProperty(group.getKey());
                named.properties().forEach(component -> into.putIfAbsent(component.getKey(), component.getValue()));
            }
        });
    }

    private void stateAccess(String path, ObjectNode pathItem) {
        String concrete = PATH_PARAMETER.matcher(path).replaceAll("x");
        for (String operationName : OPERATIONS) {
            if (!(pathItem.get(operationName) instanceof ObjectNode operation)) {
                continue;
            }
            Access access = policy.of(HttpMethod.valueOf(operationName.toUpperCase(Locale.ROOT)), concrete);
            ArrayNode security = operation.putArray("security");
            ObjectNode responses = operation.withObjectProperty("responses");
            switch (access) {
                case TOKEN_REQUIRED -> security.addObject().putArray(SECURITY_SCHEME);
                case TOKEN_OPTIONAL -> operation.put("description", (operation.path("description").asText("")
                        + " Public: no token is needed; with one, its holder also sees what their roles let them see.").strip());
                case NO_TOKEN_NEEDED -> {
                    // an empty list: no token
                }
            }
            if (access != Access.NO_TOKEN_NEEDED) {
                problem(responses, "401", "No valid access token: log in (POST /api/auth/login) and send it as 'Authorization: Bearer <token>'"
                        + (access == Access.TOKEN_OPTIONAL ? "; a token that is sent must be valid" : ""));
            }
            problem(responses, "429", "The caller sent too many requests: wait as Retry-After says (RateLimit headers tell the budget)");
            problem(responses, "503", "The service behind this route is down or its circuit is open: retry after Retry-After");
            problem(responses, "504", "The service behind this route did not answer in time");
        }
    }

    /** An error the gateway itself may answer, as a problem; a description the service gave is kept. */
    private void problem(ObjectNode responses, String status, String description) {
        ObjectNode response = responses.withObjectProperty(status);
        if (!response.path("description").isTextual() || response.get("description").asText().isBlank()) {
            response.put("description", description);
        }
        response.putObject("content").putObject(PROBLEM_MEDIA_TYPE).putObject("schema").put("$ref", "#/components/schemas/Problem");
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** A copy of the field names, so that fields can be renamed while going through them. */
    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
