package dev.casebook.metrics.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Numbers must be JSON numbers. Jackson would otherwise read the strings "12.5", "NaN" or "Infinity"
 * into a number; a measurement sent as text is a client's mistake worth a 400 that names the field.
 * (A bare NaN or Infinity is not JSON at all and is refused by the parser.)
 */
public final class StrictNumbers {

    private StrictNumbers() {
    }

    public static final class Decimal extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.currentToken().isNumeric()) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            return parser.getDecimalValue();
        }
    }

    public static final class Double extends JsonDeserializer<java.lang.Double> {
        @Override
        public java.lang.Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.currentToken().isNumeric()) {
                return (java.lang.Double) context.handleUnexpectedToken(java.lang.Double.class, parser);
            }
            return parser.getDoubleValue();
        }
    }
}
