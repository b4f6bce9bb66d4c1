package dev.casebook.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes manifests read strictly: each document into fabric8's typed model (its kind's class), and Strimzi's
 * resources into {@link Strimzi}'s records. A field the model does not know is refused: Jackson fails on it for the
 * records, and for fabric8's classes, which keep unknown fields aside instead, the reader looks for any kept.
 */
final class Manifests {

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final List<HasMetadata> resources;
    private final List<Strimzi.KafkaTopic> topics;
    private final List<Strimzi.KafkaUser> users;

    private Manifests(List<HasMetadata> resources, List<Strimzi.KafkaTopic> topics, List<Strimzi.KafkaUser> users) {
        this.resources = resources;
        this.topics = topics;
        this.users = users;
    }

    static Manifests read(Path file) {
        return parse(Casebook.read(file), file.toString());
    }

    /** Every document of a multi-document YAML text; {@code where} names it in failures. */
    static Manifests parse(String yaml, String where) {
        List<HasMetadata> resources = new ArrayList<>();
        List<Strimzi.KafkaTopic> topics = new ArrayList<>();
        List<Strimzi.KafkaUser> users = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String kind = document.path("kind").asText();
                String name = kind + " " + document.path("metadata").path("name").asText() + " in " + where;
                try {
                    switch (kind) {
                        case "KafkaTopic" -> topics.add(JSON.treeToValue(document, Strimzi.KafkaTopic.class));
                        case "KafkaUser" -> users.add(JSON.treeToValue(document, Strimzi.KafkaUser.class));
                        default -> resources.add(typed(document, name));
                    }
                } catch (IOException e) {
                    throw new AssertionError(name + " does not fit its model: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(where + " is not YAML", e);
        }
        return new Manifests(resources, topics, users);
    }

    private static HasMetadata typed(JsonNode document, String name) throws IOException {
        KubernetesResource resource = JSON.treeToValue(document, KubernetesResource.class);
        if (!(resource instanceof HasMetadata typed) || resource.getClass().getSimpleName().equals("GenericKubernetesResource")) {
            throw new AssertionError(name + ": no typed model for " + document.path("apiVersion").asText()
                    + " " + document.path("kind").asText());
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(resource, document.path("kind").asText(), unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError(name + " has fields its model does not know: " + unknown);
        }
        return typed;
    }

    /** fabric8's classes keep what they do not know in additionalProperties: any there is a field refused. */
    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> unknownFields(item, path + "." + key, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                unknownFields(field, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }

    /**
     * The documents of a YAML text as JSON trees keyed by kind and name, each container's env sorted by name: what
     * two texts mean, whatever order the generator wrote their maps and variables in.
     */
    static Map<String, JsonNode> normalized(String yaml) {
        Map<String, JsonNode> documents = new java.util.TreeMap<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            for (JsonNode document : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    sortEnv(document);
                    documents.put(document.path("kind").asText() + "/" + document.path("metadata").path("name").asText(), document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    private static void sortEnv(JsonNode node) {
        if (node.isObject()) {
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            if (object.path("env").isArray()) {
                List<JsonNode> env = new ArrayList<>();
                object.path("env").forEach(env::add);
                env.sort(java.util.Comparator.comparing(variable -> variable.path("name").asText()));
                object.putArray("env").addAll(env);
            }
            object.elements().forEachRemaining(Manifests::sortEnv);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(Manifests::sortEnv);
        }
    }

    List<HasMetadata> all() {
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    List<Strimzi.KafkaTopic> topics() {
        return topics;
    }

    List<Strimzi.KafkaUser> users() {
        return users;
    }

    int size() {
        return resources.size() + topics.size() + users.size();
    }
}
