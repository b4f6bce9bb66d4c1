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
 * A code example in mermaid renders as a {@code ```mermaid} fence, which frontends draw as a diagram: its code keeps
 * a diagram's rules of directives and interaction ({@link MermaidSource}).
 */
@Documented
@Constraint(validatedBy = CodeExampleDiagram.Validator.class)
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CodeExampleDiagram {

    String message() default "must not hold a mermaid directive or a click statement";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CodeExampleDiagram, CaseStudyDocument.CodeExample> {

        @Override
        public boolean isValid(CaseStudyDocument.CodeExample example, ConstraintValidatorContext context) {
            if (example == null || example.code() == null || !"mermaid".equalsIgnoreCase(example.language())) {
                return true;
            }
            MermaidSource.Refusal refusal = MermaidSource.refusal(example.code());
            if (refusal == null) {
                return true;
            }
            Messages.replace(context, "code", "must not hold " + refusal.what() + " in a mermaid code example, as its line "
                    + refusal.line() + " does: " + refusal.why());
            return false;
        }
    }
}
