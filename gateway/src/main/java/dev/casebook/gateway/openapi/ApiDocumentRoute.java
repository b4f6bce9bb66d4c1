package dev.casebook.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves the merged description at {@value #PATH}, where each service serves its own and where Swagger UI
 * (configured in application.properties) reads it: YAML by default, JSON for {@code ?format=json} or
 * {@code Accept: application/json}, as Quarkus does. The gateway's own, nearly empty, document moved aside.
 */
@ApplicationScoped
public class ApiDocumentRoute {

    static final String PATH = "/q/openapi";

    private final MergedApiDocument document;
    private final ObjectMapper json;
    private final ObjectMapper yaml = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    public ApiDocumentRoute(MergedApiDocument document, ObjectMapper json) {
        this.document = document;
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        boolean asJson = wantsJson(ctx);
        document.current()
                .onSuccess(merged -> {
                    try {
                        ctx.response()
                                .putHeader(HttpHeaders.CONTENT_TYPE, asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                                .end(write(merged, asJson));
                    } catch (JsonProcessingException e) {
                        ctx.fail(e);
                    }
                })
                .onFailure(ctx::fail);
    }

    private String write(ObjectNode merged, boolean asJson) throws JsonProcessingException {
        return asJson ? json.writerWithDefaultPrettyPrinter().writeValueAsString(merged) : yaml.writeValueAsString(merged);
    }

    private static boolean wantsJson(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        if (format != null) {
            return format.equalsIgnoreCase("json");
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json") && !accept.contains("yaml");
    }
}
