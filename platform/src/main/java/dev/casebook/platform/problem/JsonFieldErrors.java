package dev.casebook.platform.problem;

import dev.casebook.platform.domain.FieldError;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.casebook.platform.json.TextWithoutNul;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Explains a JSON body that parsed but does not fit the expected shape, field by field. */
final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    static ProblemException toProblem(JsonProcessingException e) {
        StreamReadException syntax = syntaxError(e);
        if (syntax != null || !(e instanceof JsonMappingException)) {
            JsonLocation at = syntax != null ? syntax.getLocation() : e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return new ProblemException(400, "The body is not valid JSON" + where).withType(ProblemType.MALFORMED_BODY);
        }
        return toProblem((JsonMappingException) e);
    }

    /** Databind wraps syntax errors met inside a field; those are still a malformed body, not a bad field. */
    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException syntax && !(cause instanceof MismatchedInputException)) {
                return syntax;
            }
        }
        return null;
    }

    private static ProblemException toProblem(JsonMappingException e) {
        String field = path(e);
        if (field.isEmpty()) {
            return new ProblemException(400, "The body must be " + describe(targetType(e)))
                    .withType(ProblemType.MALFORMED_BODY);
        }
        return ProblemException.invalid(List.of(new FieldError(field, problemWith(e))));
    }

    private static String problemWith(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field that can be set";
        }
        if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null
                && instantiation.getCause().getMessage() != null) {
            return instantiation.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof String text && text.indexOf('\u0000') >= 0) {
            return TextWithoutNul.MESSAGE;
        }
        Class<?> target = targetType(e);
        if (target == null) {
            return "has an invalid value";
        }
        return "must be " + describe(target);
    }

    private static Class<?> targetType(JsonMappingException e) {
        if (e instanceof InvalidFormatException format) {
            return format.getTargetType();
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatch.getTargetType();
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a JSON object";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Character.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time such as 2026-01-31T12:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        return "a JSON object";
    }

    /** The JSON path of the offending field, such as {@code challenge.painPoints[2]}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
