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
import java.util.Set;

/**
 * Mermaid source whose first line names a diagram kind mermaid knows, with no directive and no interaction
 * ({@link MermaidSource}); null means "no diagram".
 */
@Documented
@Constraint(validatedBy = MermaidDiagram.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface MermaidDiagram {

    String message() default "must be mermaid source starting with a diagram kind such as flowchart, graph or sequenceDiagram";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MermaidDiagram, String> {

        public static final Set<String> KINDS = Set.of("flowchart", "graph", "sequenceDiagram", "classDiagram", "stateDiagram",
                "stateDiagram-v2", "erDiagram", "journey", "gantt", "pie", "quadrantChart", "requirementDiagram",
                "gitGraph", "C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment", "mindmap",
                "timeline", "sankey-beta", "xychart-beta", "block-beta", "packet-beta", "architecture-beta", "kanban");

        @Override
        public boolean isValid(String diagram, ConstraintValidatorContext context) {
            if (diagram == null) {
                return true;
            }
            String kind = MermaidSource.kind(diagram);
            if (kind == null || !KINDS.contains(kind)) {
                return false;
            }
            MermaidSource.Refusal refusal = MermaidSource.refusal(diagram);
            if (refusal == null) {
                return true;
            }
            Messages.replace(context, "must not hold " + refusal.what() + ", as its line " + refusal.line() + " does: " + refusal.why());
            return false;
        }
    }
}
