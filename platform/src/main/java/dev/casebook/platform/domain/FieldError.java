package dev.casebook.platform.domain;


/** One thing wrong with one field of the input: {@code field} is a JSON path such as {@code client.name} or {@code tags[3]}. */
public record FieldError(String field, String message) {
}
