package dev.casebook.metrics;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.math.BigDecimal;

/** Reads numbers of a response at full precision, as a client with a decimal type would. */
final class Json {

    private Json() {
    }

    static JsonPath exact(ExtractableResponse<Response> response) {
        return response.jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static BigDecimal decimal(ExtractableResponse<Response> response, String path) {
        String value = exact(response).getString(path);
        return value == null ? null : new BigDecimal(value);
    }
}
