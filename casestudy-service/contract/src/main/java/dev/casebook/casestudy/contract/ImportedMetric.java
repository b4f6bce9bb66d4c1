package dev.casebook.casestudy.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * A row of a metrics table read from imported Markdown. It travels with the case study's
 * {@code created} event; metrics-service, which owns metrics, adopts it as the case study's table.
 * {@code better} is null when the Markdown does not tell (no improvement given, or no change).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportedMetric(String name, String unit,
                             @JsonDeserialize(using = NumberOrNothing.class) BigDecimal before,
                             @JsonDeserialize(using = NumberOrNothing.class) BigDecimal after,
                             String better) {

    /**
     * A value that is not a number is read as none, so one unreadable row is left out by the table's rules
     * (a row needs before and after) instead of costing the whole event, and with it the case study.
     */
    static final class NumberOrNothing extends JsonDeserializer<BigDecimal> {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken().isNumeric()) {
                return parser.getDecimalValue();
            }
            parser.skipChildren();
            return null;
        }
    }
}
