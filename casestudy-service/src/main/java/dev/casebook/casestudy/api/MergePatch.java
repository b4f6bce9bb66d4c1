package dev.casebook.casestudy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.casebook.casestudy.contract.CaseStudyDocument;
import dev.casebook.platform.problem.InputValidation;
import dev.casebook.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

import java.util.Iterator;
import java.util.Map;

/** JSON merge patch (RFC 7386) of a case study: the result is read and validated like a full document. */
@ApplicationScoped
public class MergePatch {

    private final ObjectMapper json;
    private final InputValidation validation;

    public MergePatch(ObjectMapper json, InputValidation validation) {
        this.json = json;
        this.validation = validation;
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
        return validation.check(document);
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
