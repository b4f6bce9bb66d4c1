package dev.casebook.casestudy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** JSON merge patch (RFC 7386) of a case study: the result is read and validated like a full document. */
@ApplicationScoped
public class MergePatch {

    private final ObjectMapper json;
    private final Validator validator;

    public MergePatch(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public CaseStudyDocument apply(CaseStudyDocument current, JsonNode patch) {
        if (!patch.isObject()) {
            throw new ProblemException(400, "A merge patch of a case study must be a JSON object").withType("malformed-body");
        }
        JsonNode merged = merge(json.valueToTree(current), patch);
        CaseStudyDocument document;
        try {
            document = json.treeToValue(merged, CaseStudyDocument.class);
        } catch (JsonProcessingException e) {
            // the platform explains Jackson's complaint field by field, as for any body
            throw new BadRequestException(e);
        }
        Set<ConstraintViolation<CaseStudyDocument>> violations = validator.validate(document);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return document;
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

}
