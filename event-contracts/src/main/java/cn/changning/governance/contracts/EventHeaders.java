package cn.changning.governance.contracts;

/**
 * Kafka record headers of every published event: CloudEvents 1.0 in binary content mode
 * (Kafka protocol binding), plus the aggregate's sequence number, which consumers use to
 * ignore redelivered and older events. Header values are UTF-8 strings.
 *
 * <p>An event caused by a call (a command sent while a request was handled, or by a policy reacting
 * to an event that had them) also carries {@link #TRACEPARENT} and {@link #REQUEST_ID}; events of
 * deadlines and other causes may lack both.</p>
 */
public final class EventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    /** The aggregate id; also the record key, so one aggregate's events keep their order. */
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** CloudEvents "sequence" extension: the event's sequence number within its aggregate, from 0. */
    public static final String SEQUENCE = "ce_sequence";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * CloudEvents distributed-tracing extension: the W3C {@code traceparent} of the call that caused the
     * event ({@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}); optional.
     */
    public static final String TRACEPARENT = "ce_traceparent";
    /**
     * Extension {@code requestid}: the {@code X-Request-Id} of the call that caused the event (at most 100
     * characters of {@code [A-Za-z0-9._:-]}); optional.
     */
    public static final String REQUEST_ID = "ce_requestid";

    public static final String SPEC_VERSION_VALUE = "1.0";

    private EventHeaders() {
    }
}
