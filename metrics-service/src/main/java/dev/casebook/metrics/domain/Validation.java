package dev.casebook.metrics.domain;

import dev.casebook.platform.problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation run by the domain rather than by a resource, because the same rows and samples also arrive
 * as Kafka records. Field names are JSON paths as the client wrote them: {@code rows[2].before}.
 */
final class Validation {

    private Validation() {
    }

    static List<FieldError> check(Validator validator, Object bean, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(bean)) {
            errors.add(new FieldError(path(prefix, violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    // In a Bean Validation path the index of a list belongs to the node after the list: rows, before[0] is rows[0].before.
    private static String path(String prefix, Path path) {
        StringBuilder field = new StringBuilder(prefix);
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!field.isEmpty() && field.charAt(field.length() - 1) != '.') {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
