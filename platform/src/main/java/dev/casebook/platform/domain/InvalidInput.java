package dev.casebook.platform.domain;


import java.util.List;

/** Input the domain's rules refuse, field by field, beyond what Bean Validation checks on the way in. */
public final class InvalidInput extends DomainException {

    private final List<FieldError> errors;

    public InvalidInput(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** One field: "Field 'slug' is a name the API uses itself". */
    public static InvalidInput of(String field, String message) {
        return of(List.of(new FieldError(field, message)));
    }

    public static InvalidInput of(List<FieldError> errors) {
        return new InvalidInput(errors.size() == 1
                ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message()
                : errors.size() + " fields are invalid", errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
