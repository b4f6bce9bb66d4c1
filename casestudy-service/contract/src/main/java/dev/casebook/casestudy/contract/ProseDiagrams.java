package dev.casebook.casestudy.contract;

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
 * A writer's Markdown whose mermaid fences keep the rules of a diagram field: a frontend draws a {@code ```mermaid}
 * fence in prose as it draws {@link MermaidDiagram}s, so none holds a directive or interaction ({@link MermaidSource}).
 */
@Documented
@Constraint(validatedBy = ProseDiagrams.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ProseDiagrams {

    String message() default "must not hold a mermaid diagram with a directive or a click statement";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ProseDiagrams, String> {

        @Override
        public boolean isValid(String markdown, ConstraintValidatorContext context) {
            MermaidSource.Refusal refusal = markdown == null ? null : MermaidFences.refusal(markdown);
            if (refusal == null) {
                return true;
            }
            Messages.replace(context, "must not hold " + refusal.what() + " in a mermaid diagram, as its line " + refusal.line()
                    + " does: " + refusal.why());
            return false;
        }
    }
}
