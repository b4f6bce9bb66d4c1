package dev.casebook.platform.events;

/** Kafka record headers of CloudEvents 1.0 in binary content mode (the Kafka protocol binding). */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute carrying the request that caused the event. */
    public static final String REQUEST_ID = "ce_requestid";
    /** The distributed-tracing extension: the W3C trace context of the span that published the event. */
    public static final String TRACE_PARENT = "ce_traceparent";
    public static final String TRACE_STATE = "ce_tracestate";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
