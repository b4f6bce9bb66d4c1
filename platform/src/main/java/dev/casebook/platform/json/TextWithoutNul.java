package dev.casebook.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import java.io.IOException;

/**
 * A JSON string holding the NUL character ({@code \u0000}) is refused as a field error: PostgreSQL cannot store it
 * in text or JSONB, so accepting it would end in a 500 at the database.
 */
public final class TextWithoutNul extends StdScalarDeserializer<String> {

    /** The field error's message; the problem mappers name the field. */
    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    TextWithoutNul() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw context.weirdStringException(text, String.class, MESSAGE);
        }
        return text;
    }
}
