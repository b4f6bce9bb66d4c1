package dev.casebook.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;

/**
 * {@code @Digits(fraction = 20)} becomes {@code multipleOf: 1e-20} in the generated schema, which JSON Schema
 * validators check with binary floating point and so refuse whole numbers such as 850. The limit is kept in words.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DecimalSchemas implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        BigDecimal step = schema.getMultipleOf();
        if (step != null && step.compareTo(BigDecimal.ONE) < 0) {
            schema.setMultipleOf(null);
            String limit = "At most " + step.stripTrailingZeros().scale() + " decimal places.";
            schema.setDescription(schema.getDescription() == null ? limit : schema.getDescription() + " " + limit);
        }
        return schema;
    }
}
