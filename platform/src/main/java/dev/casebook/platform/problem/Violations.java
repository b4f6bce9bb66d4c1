package dev.casebook.platform.problem;

import dev.casebook.platform.domain.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Bean Validation violations as field errors named by the JSON path a client sent. */
final class Violations {

    private Violations() {
    }

    static List<FieldError> toFieldErrors(ConstraintViolationException e) {
        return toFieldErrors(e.getConstraintViolations(), "");
    }

    /** For a bean validated by hand ({@link InputValidation}): {@code prefix} is where it sits in the client's JSON. */
    static List<FieldError> toFieldErrors(Collection<? extends ConstraintViolation<?>> violations, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String field = field(violation.getPropertyPath());
            String joined = prefix.isEmpty() ? field : field.equals("body") ? prefix
                    : field.startsWith("[") ? prefix + field : prefix + "." + field;
            errors.add(new FieldError(joined, violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    /**
     * {@code create.request.client.name} becomes {@code client.name}: the method and the name of the
     * body parameter mean nothing to a client; a query or path parameter keeps its own name.
     */
    private static String field(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        int start = 0;
        while (start < nodes.size() && nodes.get(start).getKind() == ElementKind.METHOD) {
            start++;
        }
        if (start < nodes.size() - 1 && nodes.get(start).getKind() == ElementKind.PARAMETER) {
            start++;
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes.subList(start, nodes.size())) {
            // Bean Validation puts the index of a list element on the node after the list: it belongs to the list.
            if (node.isInIterable()) {
                appendIndex(field, node);
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue; // "<list element>" adds nothing a client would recognise
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static void appendIndex(StringBuilder field, Path.Node node) {
        if (node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
            field.append('[').append(node.getKey()).append(']');
        }
    }
}
