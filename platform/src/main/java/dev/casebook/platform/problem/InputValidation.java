package dev.casebook.platform.problem;

import dev.casebook.platform.domain.FieldError;
import dev.casebook.platform.domain.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.util.List;

/**
 * Bean Validation by hand, for input {@code @Valid} cannot reach: one element of a batch, a document merged from a
 * patch, one read from Markdown. Its field errors are named as the {@code @Valid} path names them, and
 * {@link #check} refuses with the same 400 (validation-failed, one {@code errors[]} entry per field).
 */
@ApplicationScoped
public class InputValidation {

    private final Validator validator;

    public InputValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * What is wrong with {@code bean}, empty when nothing is. {@code at} is where the bean sits in the client's JSON,
     * such as {@code rows[2]} or {@code [7]}; empty for the body itself.
     */
    public List<FieldError> errorsOf(Object bean, String at) {
        return Violations.toFieldErrors(validator.validate(bean), at);
    }

    /** {@code body} when it is valid; otherwise the 400 the {@code @Valid} path answers. */
    public <T> T check(T body) {
        List<FieldError> errors = errorsOf(body, "");
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return body;
    }
}
