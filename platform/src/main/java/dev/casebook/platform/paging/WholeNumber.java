package dev.casebook.platform.paging;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A query parameter read as text that is a whole number from {@link #min()} to {@link #max()}, or left out. One
 * constraint, so that {@code abc} earns one field error, where {@code @Min} and {@code @Digits} would give two.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    int min();

    int max() default Integer.MAX_VALUE;

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WholeNumber, String> {

        private int min;
        private int max;

        @Override
        public void initialize(WholeNumber constraint) {
            this.min = constraint.min();
            this.max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                int number = Integer.parseInt(value.strip());
                return number >= min && number <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        /** The number a valid {@code value} names, or {@code fallback} when it was left out. */
        static int read(String value, int fallback) {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        }
    }
}
