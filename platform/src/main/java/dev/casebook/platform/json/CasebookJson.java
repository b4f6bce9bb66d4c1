package dev.casebook.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one customizer of every service's ObjectMapper, which the API, the events and the JSONB columns share. Every
 * service refuses text with NUL in it (and, by platform's defaults, unknown fields:
 * {@code quarkus.jackson.fail-on-unknown-properties}); what a service adds is chosen in {@link JsonSettings}.
 */
@Singleton
public class CasebookJson implements ObjectMapperCustomizer {

    private final JsonSettings settings;

    public CasebookJson(JsonSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul()));
        if (settings.strictTypes()) {
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        }
        if (settings.plainDecimals()) {
            mapper.configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
        }
    }
}
