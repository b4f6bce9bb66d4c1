package dev.casebook.casestudy.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * JSON Schemas of event payloads, derived from the very records that are serialized, so that the
 * published contract cannot drift from what is sent. Bean Validation limits become schema limits.
 */
final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchemas() {
    }

    static ObjectNode of(Class<? extends Record> type) {
        ObjectNode schema = object(type);
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        return schema;
    }

    private static ObjectNode object(Class<?> record) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        addProperties(record, properties, required);
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static void addProperties(Class<?> record, ObjectNode properties, ArrayNode required) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                addProperties(component.getType(), properties, required); // its fields sit at this level in JSON
                continue;
            }
            properties.set(component.getName(), schemaOf(component.getAnnotatedType()));
            AnnotatedType annotated = component.getAnnotatedType();
            if (annotated.isAnnotationPresent(NotBlank.class) || annotated.isAnnotationPresent(NotNull.class)) {
                required.add(component.getName());
            }
        }
    }

    private static ObjectNode schemaOf(AnnotatedType annotated) {
        Class<?> type = raw(annotated);
        ObjectNode schema;
        if (type == String.class) {
            schema = NODES.objectNode().put("type", "string");
        } else if (type == UUID.class) {
            schema = NODES.objectNode().put("type", "string").put("format", "uuid");
        } else if (type == Instant.class) {
            schema = NODES.objectNode().put("type", "string").put("format", "date-time");
        } else if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            schema = NODES.objectNode().put("type", "integer");
        } else if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
            schema = NODES.objectNode().put("type", "number");
        } else if (type == boolean.class || type == Boolean.class) {
            schema = NODES.objectNode().put("type", "boolean");
        } else if (type.isEnum()) {
            schema = NODES.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            Arrays.stream(type.getEnumConstants()).forEach(value -> values.add(value.toString()));
        } else if (List.class.isAssignableFrom(type)) {
            schema = NODES.objectNode().put("type", "array");
            schema.set("items", schemaOf(((AnnotatedParameterizedType) annotated).getAnnotatedActualTypeArguments()[0]));
        } else if (type.isRecord()) {
            schema = object(type);
        } else {
            throw new IllegalArgumentException("No JSON Schema for " + type);
        }
        constraints(annotated, schema);
        return schema;
    }

    private static void constraints(AnnotatedType annotated, ObjectNode schema) {
        Size size = annotated.getAnnotation(Size.class);
        boolean array = "array".equals(schema.path("type").asText());
        if (size != null && size.max() < Integer.MAX_VALUE) {
            schema.put(array ? "maxItems" : "maxLength", size.max());
        }
        if (annotated.isAnnotationPresent(NotBlank.class)) {
            schema.put("minLength", 1);
        }
        Pattern pattern = annotated.getAnnotation(Pattern.class);
        if (pattern != null) {
            schema.put("pattern", "^(" + pattern.regexp() + ")$");
        }
    }

    private static Class<?> raw(AnnotatedType annotated) {
        java.lang.reflect.Type type = annotated.getType();
        return type instanceof java.lang.reflect.ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
    }
}
