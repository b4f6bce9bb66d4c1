package dev.casebook.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One service's own OpenAPI document, or why the gateway could not get it. */
record ServiceDocument(String service, String prefix, ObjectNode document, String missingBecause) {

    static ServiceDocument of(String service, String prefix, ObjectNode document) {
        return new ServiceDocument(service, prefix, document, null);
    }

    static ServiceDocument missing(String service, String prefix, String reason) {
        return new ServiceDocument(service, prefix, null, reason);
    }

    boolean isMissing() {
        return document == null;
    }
}
