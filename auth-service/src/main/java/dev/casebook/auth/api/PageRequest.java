package dev.casebook.auth.api;

import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** {@code page} and {@code size} query parameters, read by hand so that {@code size=abc} is a field error, not a 404. */
record PageRequest(int page, int size) {

    static final int MAX_SIZE = 100;
    static final int DEFAULT_SIZE = 20;

    static PageRequest of(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int pageNumber = parse(page, 0, 0, Integer.MAX_VALUE, "page", "must be a whole number, 0 or more", errors);
        int pageSize = parse(size, DEFAULT_SIZE, 1, MAX_SIZE, "size", "must be a whole number from 1 to " + MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PageRequest(pageNumber, pageSize);
    }

    private static int parse(String value, int fallback, int min, int max, String field, String rule, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, rule));
        return fallback;
    }
}
