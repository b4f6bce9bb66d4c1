package dev.casebook.metrics.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * A time in the years 0001 to 9999, or left out: what ISO 8601 writes with four digits, and every client's date type
 * reads. JSON may carry any year Java can hold, and PostgreSQL keeps some of them but not others.
 */
@Documented
@Constraint(validatedBy = FourDigitYear.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FourDigitYear {

    Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    String message() default "must be from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<FourDigitYear, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return holds(value);
        }

        static boolean holds(Instant value) {
            return value == null || !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
        }
    }
}
